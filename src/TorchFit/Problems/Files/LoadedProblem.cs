namespace TorchFit.Problems.Files;

/// <summary>A problem read from files, with how its arrays were stored.</summary>
/// <param name="Problem">A and b in float64.</param>
/// <param name="Source">The file or files as the user named them.</param>
/// <param name="Format">npz, npy (an A and b pair) or csv.</param>
/// <param name="Matrix">How A was stored.</param>
/// <param name="Target">How b was stored.</param>
public sealed record LoadedProblem(LinearProblem Problem, string Source, string Format, StoredArray Matrix, StoredArray Target);
