namespace TorchFit.Sweeps;

/// <summary>
/// The wall time a sweep has left, from what its runs have cost so far. Work is counted in
/// configuration-epochs (row-passes: one configuration over all n rows). The run in progress is
/// extrapolated from its own rate once it has one; a later run is priced at the measured seconds per
/// configuration-epoch of its batch size when a run of that batch size has finished, else at the
/// mean so far. Counting steps instead priced a batch-1 epoch at 200 full-batch ones and gave ETAs
/// about 10× too low.
/// </summary>
public sealed class SweepEstimate
{
    private readonly IReadOnlyList<(int BatchSize, double Work)> _runs;
    private readonly Dictionary<int, (double Seconds, double Work)> _byBatchSize = [];
    private readonly double _total;
    private double _seconds, _work;

    /// <summary>An estimate over <paramref name="runs"/>, in the order they train.</summary>
    /// <param name="runs">Each run's batch size and configuration-epochs.</param>
    public SweepEstimate(IReadOnlyList<(int BatchSize, double Work)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _runs = runs;
        _total = runs.Sum(r => r.Work);
    }

    /// <summary>Records that run <paramref name="run"/> finished in <paramref name="seconds"/> after <paramref name="work"/> configuration-epochs.</summary>
    public void Finished(int run, double work, double seconds)
    {
        int batch = _runs[run].BatchSize;
        var known = _byBatchSize.GetValueOrDefault(batch);
        _byBatchSize[batch] = (known.Seconds + seconds, known.Work + work);
        _seconds += seconds;
        _work += work;
    }

    /// <summary>
    /// Seconds left while run <paramref name="run"/> has done <paramref name="fraction"/> of its work in
    /// <paramref name="runSeconds"/>; null until one second or 1 % of the work has been measured.
    /// </summary>
    public double? SecondsLeft(int run, double fraction, double runSeconds)
    {
        double measuredWork = _work + fraction * _runs[run].Work, measuredSeconds = _seconds + runSeconds;
        if (measuredWork <= 0 || (measuredSeconds < 1 && measuredWork < _total / 100)) return null;
        double mean = measuredSeconds / measuredWork;
        double left = fraction > 0 && (runSeconds >= 0.5 || fraction >= 0.05)
            ? runSeconds / fraction * (1 - fraction)
            : Rate(run, mean) * _runs[run].Work * (1 - fraction);
        for (int later = run + 1; later < _runs.Count; later++) left += Rate(later, mean) * _runs[later].Work;
        return double.IsFinite(left) ? Math.Max(0, left) : null;
    }

    private double Rate(int run, double mean) =>
        _byBatchSize.TryGetValue(_runs[run].BatchSize, out var measured) && measured.Work > 0 ? measured.Seconds / measured.Work : mean;
}
