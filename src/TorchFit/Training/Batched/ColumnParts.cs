namespace TorchFit.Training.Batched;

/// <summary>
/// How a batched run spreads its columns over threads. Each part is a batched run of its own on a
/// contiguous range of the configurations, drawing the same initial weights and shuffles from its own
/// generator; since a column's arithmetic does not depend on which columns share its run, the results
/// are bit for bit those of one thread.
/// </summary>
public static class ColumnParts
{
    /// <summary>A part gets at least this many columns: one 512-bit vector of floats, below which a thread costs more than it saves.</summary>
    public const int MinimumColumnsPerPart = 16;

    /// <summary>The default thread count for <paramref name="columns"/> configurations: one per core while each part keeps ≥ 16 columns.</summary>
    public static int DefaultThreads(int columns) =>
        Math.Max(1, Math.Min(Environment.ProcessorCount, columns / MinimumColumnsPerPart));

    /// <summary>
    /// Up to <paramref name="threads"/> contiguous (start, count) ranges covering <paramref name="columns"/>,
    /// in order, each a multiple of 16 columns except the last.
    /// </summary>
    public static IReadOnlyList<(int Start, int Count)> Split(int columns, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (threads < 1) throw new InvalidInputException($"threads must be ≥ 1, got {threads}");
        int perPart = (columns + threads - 1) / threads;
        perPart = (perPart + MinimumColumnsPerPart - 1) / MinimumColumnsPerPart * MinimumColumnsPerPart;
        var parts = new List<(int, int)>();
        for (int start = 0; start < columns; start += perPart) parts.Add((start, Math.Min(perPart, columns - start)));
        return parts;
    }
}
