namespace TorchFit.Problems.Files;

/// <summary>How one array of a problem file was stored, before TorchFit cast it to float64.</summary>
/// <param name="Name">A or b.</param>
/// <param name="Dtype">The dtype as stored, e.g. <c>&lt;f4</c>, or <c>text</c> for CSV.</param>
/// <param name="Shape">The shape as stored, e.g. (200,) or (200, 1) for b.</param>
/// <param name="FortranOrder">True when the .npy data was column-major.</param>
public sealed record StoredArray(string Name, string Dtype, IReadOnlyList<long> Shape, bool FortranOrder);
