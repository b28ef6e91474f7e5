using System.Diagnostics;

namespace TorchFit.Training.Batched;

/// <summary>
/// One <see cref="EpochLog"/> per column of a batched run and the columns still training: each
/// column stops on its own (divergence, target) and keeps the weights it stopped with; the kernels go
/// on computing it with the others (a column's arithmetic never touches its neighbours'), and the run
/// ends when every column has stopped. The run reports its best MSE per epoch.
/// </summary>
internal sealed class ColumnLogs
{
    private readonly EpochLog[] _logs;
    private readonly double[]?[] _stoppedWeights;
    private readonly List<int> _active;
    private readonly int _epochs;
    private readonly IProgress<TrainingProgress>? _progress;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ColumnLogs(IReadOnlyList<TrainingOptions> configurations, double initialMse, IProgress<TrainingProgress>? progress)
    {
        _logs = [.. configurations.Select(options => new EpochLog(options, initialMse, null))];
        _stoppedWeights = new double[configurations.Count][];
        _active = [.. Enumerable.Range(0, configurations.Count)];
        _epochs = configurations[0].Epochs;
        _progress = progress;
    }

    /// <summary>True while some column still trains.</summary>
    public bool AnyActive => _active.Count > 0;

    /// <summary>True (and recorded for every active column) when the caller cancelled.</summary>
    public bool Cancelled(CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested) return false;
        foreach (int k in _active) _logs[k].Cancelled(cancellationToken);
        return true;
    }

    /// <summary>
    /// Records epoch <paramref name="epoch"/> for the active columns from the sums of squared batch
    /// residuals and the full-data MSEs; a column that stops here keeps <paramref name="column"/>'s weights.
    /// </summary>
    public void Record(int epoch, ReadOnlySpan<double> squaredResidualSums, int rows, ReadOnlySpan<double> mse, Func<int, double[]> column)
    {
        double best = double.PositiveInfinity;
        for (int a = _active.Count - 1; a >= 0; a--)
        {
            int k = _active[a];
            if (mse[k] < best) best = mse[k];   // NaN never compares below: a diverged column does not hide the others
            if (_logs[k].Record(squaredResidualSums[k] / rows, mse[k])) continue;
            _stoppedWeights[k] = column(k);
            _active.RemoveAt(a);
        }
        _progress?.Report(new TrainingProgress(epoch, _epochs, best == double.PositiveInfinity ? double.NaN : best, _clock.Elapsed.TotalSeconds));
    }

    /// <summary>One result per column; those still active end with <paramref name="column"/>'s current weights.</summary>
    public TrainingResult[] Finish(string device, double[] initialWeights, Func<int, double[]> column) =>
        [.. Enumerable.Range(0, _logs.Length).Select(k => _logs[k].Finish(device, initialWeights, _stoppedWeights[k] ?? column(k)))];
}
