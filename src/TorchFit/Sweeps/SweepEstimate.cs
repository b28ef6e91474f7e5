using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>
/// The wall time a sweep has left, from what its runs have cost so far. Work is counted in
/// configuration-epochs (row-passes: one configuration over all n rows). The run in progress is
/// extrapolated from its own rate once it has one. A later run is priced at the measured seconds per
/// configuration-epoch of its batch size when a run of that batch size has finished; otherwise, once
/// two batch sizes are measured, from a fit of cost = a·(steps per epoch) + c (a per-step overhead
/// and a per-row cost); before that, at the mean so far. Counting steps instead priced a batch-1
/// epoch at 200 full-batch ones and gave ETAs about 10× too low.
/// </summary>
public sealed class SweepEstimate
{
    private readonly int _rows;
    private readonly IReadOnlyList<(int BatchSize, double Work)> _runs;
    private readonly Dictionary<int, (double Seconds, double Work)> _byBatchSize = [];
    private readonly double _total;
    private double _seconds, _work;

    /// <summary>An estimate over <paramref name="runs"/>, in the order they train.</summary>
    /// <param name="rows">The problem's rows n (for the steps per epoch of a batch size).</param>
    /// <param name="runs">Each run's batch size and configuration-epochs.</param>
    public SweepEstimate(int rows, IReadOnlyList<(int BatchSize, double Work)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        _rows = rows;
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
        var price = Pricing(measuredSeconds / measuredWork);
        double left = fraction > 0 && (runSeconds >= 0.5 || fraction >= 0.05)
            ? runSeconds / fraction * (1 - fraction)
            : price(_runs[run].BatchSize) * _runs[run].Work * (1 - fraction);
        for (int later = run + 1; later < _runs.Count; later++) left += price(_runs[later].BatchSize) * _runs[later].Work;
        return double.IsFinite(left) ? Math.Max(0, left) : null;
    }

    /// <summary>Seconds per configuration-epoch of a batch size: measured, fitted, or the mean.</summary>
    private Func<int, double> Pricing(double mean)
    {
        var points = _byBatchSize.Where(m => m.Value.Work > 0)
            .Select(m => (Steps: (double)BatchPlan.StepsPerEpoch(_rows, m.Key), Rate: m.Value.Seconds / m.Value.Work)).ToList();
        Func<double, double>? fit = null;
        if (points.Select(p => p.Steps).Distinct().Count() >= 2)
        {
            // Least squares of rate = a·steps + c; used only when both parts come out non-negative.
            double ms = points.Average(p => p.Steps), mr = points.Average(p => p.Rate);
            double a = points.Sum(p => (p.Steps - ms) * (p.Rate - mr)) / points.Sum(p => (p.Steps - ms) * (p.Steps - ms));
            double c = mr - a * ms;
            if (a >= 0 && c >= 0) fit = steps => a * steps + c;
        }
        return batch => _byBatchSize.TryGetValue(batch, out var measured) && measured.Work > 0 ? measured.Seconds / measured.Work
            : fit is not null ? fit(BatchPlan.StepsPerEpoch(_rows, batch))
            : mean;
    }
}
