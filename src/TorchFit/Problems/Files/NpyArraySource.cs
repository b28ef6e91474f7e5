namespace TorchFit.Problems.Files;

/// <summary>One .npy array to read: a file, or an entry of an .npz archive.</summary>
/// <param name="Where">How errors name it: "a.npy" or "data.npz: array 'A'".</param>
/// <param name="Open">Opens a fresh stream at the array's first byte.</param>
/// <param name="Length">The array's size in bytes, header included, as the file or archive declares it.</param>
internal sealed record NpyArraySource(string Where, Func<Stream> Open, long Length);
