namespace TorchFit.Training;

/// <summary>What a run does once its MSE becomes NaN/Inf or grows past <see cref="TrainingOptions.DivergenceFactor"/>.</summary>
public enum DivergencePolicy
{
    /// <summary>Stop at that epoch (the default): a diverged run's History ends there.</summary>
    Stop,

    /// <summary>Train every epoch, as Keras' <c>fit</c> does, recording the Inf/NaN; the run is still marked diverged.</summary>
    Continue,
}
