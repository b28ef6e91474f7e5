namespace TorchFit.Training;

/// <summary>How Keras cuts an epoch into batches.</summary>
public static class BatchPlan
{
    /// <summary>Steps (batches) in one epoch: ⌈n/B⌉, which is 1 for any B ≥ n.</summary>
    public static int StepsPerEpoch(int rows, int batchSize) => (rows + batchSize - 1) / batchSize;

    /// <summary>
    /// Consecutive slices of the (shuffled) rows: ⌈n/B⌉ batches, the last one partial and kept.
    /// 200 rows at 32 → six of 32 and one of 8. A batch size ≥ n gives one full batch.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> For(int rows, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var batches = new List<(int, int)>(StepsPerEpoch(rows, batchSize));
        for (int start = 0; start < rows; start += batchSize)
            batches.Add((start, Math.Min(batchSize, rows - start)));
        return batches;
    }
}
