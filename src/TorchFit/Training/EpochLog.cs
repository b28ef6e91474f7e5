using System.Diagnostics;

namespace TorchFit.Training;

/// <summary>
/// What every engine records per epoch, and the stop rules they share: divergence (NaN/Inf or
/// growth past <see cref="TrainingOptions.DivergenceFactor"/>), the target MSE, and cancellation.
/// </summary>
internal sealed class EpochLog(TrainingOptions options, double initialMse, IProgress<TrainingProgress>? progress)
{
    // Capacity for the epochs up to a bound, not for the whole run: 2³¹ − 1 epochs would ask for 16 GiB up front.
    private const int MaxInitialCapacity = 1 << 16;
    private readonly List<double> _history = new(Math.Min(options.Epochs, MaxInitialCapacity));
    private readonly List<double> _fullMse = new(Math.Min(options.Epochs, MaxInitialCapacity));
    private readonly List<double> _seconds = new(Math.Min(options.Epochs, MaxInitialCapacity));
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TrainingStop Stop { get; private set; } = TrainingStop.Completed;

    /// <summary>True (and the stop recorded) when the caller cancelled before the next epoch.</summary>
    public bool Cancelled(CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested) return false;
        Stop = TrainingStop.Cancelled;
        return true;
    }

    /// <summary>Records a finished epoch and reports it; false when training must stop here.</summary>
    public bool Record(double historyLoss, double fullMse)
    {
        _history.Add(historyLoss);
        _fullMse.Add(fullMse);
        _seconds.Add(_clock.Elapsed.TotalSeconds);
        progress?.Report(new TrainingProgress(_fullMse.Count, options.Epochs, fullMse, _seconds[^1]));
        if (!double.IsFinite(fullMse) || fullMse > initialMse * options.DivergenceFactor) Stop = TrainingStop.Diverged;
        else if (fullMse <= options.StopAtMse) Stop = TrainingStop.ReachedTarget;
        return Stop == TrainingStop.Completed;
    }

    public TrainingResult Finish(string device, double[] initialWeights, double[] weights) =>
        new(options, device, initialWeights, weights, _history.ToArray(), _fullMse.ToArray(), _seconds.ToArray(), initialMse, Stop);
}
