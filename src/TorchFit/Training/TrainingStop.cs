namespace TorchFit.Training;

/// <summary>Why a training run ended.</summary>
public enum TrainingStop
{
    /// <summary>All requested epochs ran.</summary>
    Completed,

    /// <summary>The loss became NaN/Inf or grew past the divergence bound.</summary>
    Diverged,

    /// <summary>The full-data MSE reached <see cref="TrainingOptions.StopAtMse"/>.</summary>
    ReachedTarget,

    /// <summary>The caller cancelled; the epochs completed so far are kept.</summary>
    Cancelled,
}
