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
    private readonly IReadOnlyList<(int BatchSize, double Work)> _runs;
    private readonly int[] _steps;
    private readonly Dictionary<int, (double Seconds, double Work)> _byBatchSize = [];
    private readonly double _total;
    private double _seconds, _work;

    // Refreshed when a run finishes, so a report (one per epoch) costs O(1): per run, its price per
    // configuration-epoch if measured or fitted (NaN: at the mean), and per position the seconds of
    // the priced runs after it and the work of the unpriced ones.
    private readonly double[] _price, _pricedAfter, _unpricedAfter;

    /// <summary>An estimate over <paramref name="runs"/>, in the order they train.</summary>
    /// <param name="rows">The problem's rows n (for the steps per epoch of a batch size).</param>
    /// <param name="runs">Each run's batch size and configuration-epochs.</param>
    public SweepEstimate(int rows, IReadOnlyList<(int BatchSize, double Work)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        _runs = runs;
        _steps = [.. runs.Select(r => new BatchPlan(rows, r.BatchSize).StepsPerEpoch)];
        _total = runs.Sum(r => r.Work);
        _price = new double[runs.Count];
        _pricedAfter = new double[runs.Count + 1];
        _unpricedAfter = new double[runs.Count + 1];
        Reprice();
    }

    /// <summary>Records that run <paramref name="run"/> finished in <paramref name="seconds"/> after <paramref name="work"/> configuration-epochs.</summary>
    public void Finished(int run, double work, double seconds)
    {
        int batch = _runs[run].BatchSize;
        var known = _byBatchSize.GetValueOrDefault(batch);
        _byBatchSize[batch] = (known.Seconds + seconds, known.Work + work);
        _seconds += seconds;
        _work += work;
        Reprice();
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
            : (double.IsNaN(_price[run]) ? mean : _price[run]) * _runs[run].Work * (1 - fraction);
        left += _pricedAfter[run + 1] + mean * _unpricedAfter[run + 1];
        return double.IsFinite(left) ? Math.Max(0, left) : null;
    }

    /// <summary>Each run's seconds per configuration-epoch: measured for its batch size, else fitted, else NaN (the mean).</summary>
    private void Reprice()
    {
        var points = _byBatchSize.Where(m => m.Value.Work > 0)
            .Select(m => (Steps: (double)_steps[IndexOf(m.Key)], Rate: m.Value.Seconds / m.Value.Work)).ToList();
        double a = double.NaN, c = double.NaN;
        if (points.Select(p => p.Steps).Distinct().Count() >= 2)
        {
            // Least squares of rate = a·steps + c; used only when both parts come out non-negative.
            double ms = points.Average(p => p.Steps), mr = points.Average(p => p.Rate);
            a = points.Sum(p => (p.Steps - ms) * (p.Rate - mr)) / points.Sum(p => (p.Steps - ms) * (p.Steps - ms));
            c = mr - a * ms;
            if (a < 0 || c < 0) a = c = double.NaN;
        }
        for (int i = 0; i < _runs.Count; i++)
            _price[i] = _byBatchSize.TryGetValue(_runs[i].BatchSize, out var measured) && measured.Work > 0 ? measured.Seconds / measured.Work
                : a * _steps[i] + c;
        for (int i = _runs.Count - 1; i >= 0; i--)
        {
            bool priced = !double.IsNaN(_price[i]);
            _pricedAfter[i] = _pricedAfter[i + 1] + (priced ? _price[i] * _runs[i].Work : 0);
            _unpricedAfter[i] = _unpricedAfter[i + 1] + (priced ? 0 : _runs[i].Work);
        }
    }

    private int IndexOf(int batchSize)
    {
        for (int i = 0; i < _runs.Count; i++)
            if (_runs[i].BatchSize == batchSize) return i;
        throw new InvalidOperationException($"no run of batch size {batchSize}");
    }
}
