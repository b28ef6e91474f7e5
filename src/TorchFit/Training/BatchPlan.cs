namespace TorchFit.Training;

/// <summary>
/// How Keras cuts an epoch into batches: consecutive slices of the (shuffled) rows, ⌈n/B⌉ of them, the
/// last one partial and kept (200 rows at 32 → six of 32 and one of 8). A batch size ≥ n is one full
/// batch: the one place where the batch size is clamped to n.
/// </summary>
public sealed class BatchPlan
{
    /// <summary>The plan for <paramref name="rows"/> rows at <paramref name="batchSize"/> rows per step.</summary>
    public BatchPlan(int rows, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Rows = rows;
        BatchSize = Math.Min(batchSize, rows);
        var batches = new List<(int, int)>((rows + BatchSize - 1) / BatchSize);
        for (int start = 0; start < rows; start += BatchSize)
            batches.Add((start, Math.Min(BatchSize, rows - start)));
        Batches = batches;
    }

    /// <summary>n.</summary>
    public int Rows { get; }

    /// <summary>Rows per full step: the batch size asked for, at most n.</summary>
    public int BatchSize { get; }

    /// <summary>True when one step sees every row (B ≥ n).</summary>
    public bool FullBatch => BatchSize == Rows;

    /// <summary>The batches of an epoch, as (start, length) in the epoch's order of rows.</summary>
    public IReadOnlyList<(int Start, int Length)> Batches { get; }

    /// <summary>Steps (batches) in one epoch: ⌈n/B⌉, which is 1 for any B ≥ n.</summary>
    public int StepsPerEpoch => Batches.Count;
}
