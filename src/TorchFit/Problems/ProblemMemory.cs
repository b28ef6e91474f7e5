using System.Globalization;

namespace TorchFit.Problems;

/// <summary>
/// The memory a problem needs, estimated from its shape before anything is allocated, so that a
/// typo or a corrupt header is refused with a figure instead of an out-of-memory crash.
/// </summary>
public static class ProblemMemory
{
    /// <summary>
    /// Bytes per entry of A while working on a problem: A in float64 (8), the float64 tensor copy
    /// that lstsq and the SVD make (8), and the float32 copy that training makes (4).
    /// </summary>
    public const long BytesPerEntryAtWork = 20;

    /// <summary>MiB that A alone takes in float64.</summary>
    public static double MatrixMebibytes(long rows, long columns) => Entries(rows, columns) * 8.0 / (1 << 20);

    /// <summary>
    /// Throws <see cref="InvalidInputException"/>, prefixed with <paramref name="where"/>, when an
    /// n×d problem exceeds <see cref="ProblemGenerator.MaxEntries"/> entries or the memory this
    /// process can use. Shapes whose product overflows count as too large.
    /// </summary>
    public static void EnsureFits(long rows, long columns, string where)
    {
        double entries = (double)rows * columns;   // double: a corrupt header may hold 10^30
        double needed = entries * BytesPerEntryAtWork / (1 << 20);
        string shape = string.Create(CultureInfo.InvariantCulture, $"{rows:N0}×{columns:N0}");
        if (entries > ProblemGenerator.MaxEntries)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: a {shape} problem needs about {needed:N0} MiB ({entries * 8 / (1 << 20):N0} MiB for A in float64, plus the copies solving and training make); the limit is {ProblemGenerator.MaxEntries:N0} entries of A"));
        double available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (double)(1 << 20);
        if (available > 0 && needed > available)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: a {shape} problem needs about {needed:N0} MiB, but this process can use {available:N0} MiB"));
    }

    private static double Entries(long rows, long columns) => (double)rows * columns;
}
