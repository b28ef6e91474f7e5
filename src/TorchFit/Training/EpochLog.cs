using System.Diagnostics;

namespace TorchFit.Training;

/// <summary>
/// What every engine records per epoch, and the stop rules they share: divergence (NaN/Inf or
/// growth past <see cref="TrainingOptions.DivergenceFactor"/>; the run goes on after it under
/// <see cref="DivergencePolicy.Continue"/>), the target MSE, and cancellation. It also splits the trained
/// parameters back into kernel and bias (<see cref="ModelParameters"/>).
/// </summary>
internal sealed class EpochLog(TrainingOptions options, double initialMse, IProgress<TrainingProgress>? progress)
{
    // Capacity for the epochs up to a bound, not for the whole run: 2³¹ − 1 epochs would ask for 16 GiB up front.
    private const int MaxInitialCapacity = 1 << 16;
    private readonly List<double> _history = new(Math.Min(options.Epochs, MaxInitialCapacity));
    private readonly List<double> _fullMse = new(Math.Min(options.Epochs, MaxInitialCapacity));
    private readonly List<double> _seconds = new(Math.Min(options.Epochs, MaxInitialCapacity));
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private int? _divergedAt;

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
        if (!double.IsFinite(fullMse) || fullMse > initialMse * options.DivergenceFactor)
        {
            _divergedAt ??= _fullMse.Count;
            // Keras' fit goes on to NaN; so does a run that asked to continue (a target is no longer reachable).
            return options.OnDivergence == DivergencePolicy.Continue || SetStop(TrainingStop.Diverged);
        }
        if (_divergedAt is null && fullMse <= options.StopAtMse) return SetStop(TrainingStop.ReachedTarget);
        return true;
    }

    /// <summary>The result, from the trained parameters (kernel, then the bias when there is one) at the start and now.</summary>
    public TrainingResult Finish(string device, double[] initialParameters, double[] parameters)
    {
        if (_divergedAt is not null && Stop != TrainingStop.Cancelled) Stop = TrainingStop.Diverged;
        var (initialWeights, initialBias) = ModelParameters.Split(options, initialParameters);
        var (weights, bias) = ModelParameters.Split(options, parameters);
        return new(options, device, initialWeights, weights, _history.ToArray(), _fullMse.ToArray(), _seconds.ToArray(), initialMse, Stop)
        {
            InitialBias = initialBias,
            Bias = bias,
            DivergedAtEpoch = _divergedAt,
        };
    }

    private bool SetStop(TrainingStop stop)
    {
        Stop = stop;
        return false;
    }
}
