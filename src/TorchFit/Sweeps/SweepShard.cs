using System.Globalization;

namespace TorchFit.Sweeps;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (0-based, as Slurm's array index from 0 and a
/// Kubernetes Indexed Job's completion index give it): a contiguous slice of the ordered grid,
/// so configurations that train together mostly stay together.
/// </summary>
/// <param name="Index">i, from 0 to N − 1.</param>
/// <param name="Count">N.</param>
public sealed record SweepShard(int Index, int Count)
{
    /// <summary>Reads "i/N", e.g. "0/4"; throws <see cref="InvalidInputException"/> for anything else.</summary>
    public static SweepShard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
            throw Invalid(text);
        if (count < 1 || index >= count)
            throw Invalid(text);
        return new SweepShard(index, count);
    }

    /// <summary>This shard's configurations: indices from ⌊i·T/N⌋ up to ⌊(i+1)·T/N⌋.</summary>
    public IReadOnlyList<SweepConfiguration> Select(IReadOnlyList<SweepConfiguration> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        int start = (int)((long)Index * all.Count / Count), end = (int)((long)(Index + 1) * all.Count / Count);
        return [.. all.Skip(start).Take(end - start)];
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index}/{Count}";

    private static InvalidInputException Invalid(string text) => InvalidInputException.ForOption("Shard", $"must be i/N with 0 ≤ i < N (e.g. 0/4), got '{text}'");
}
