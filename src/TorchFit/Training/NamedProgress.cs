namespace TorchFit.Training;

/// <summary>Forwards a run's epoch progress under the run's name.</summary>
public sealed class NamedProgress(string runName, IProgress<RunProgress> target) : IProgress<TrainingProgress>
{
    /// <summary>A forwarder for <paramref name="runName"/>, or null when nobody listens.</summary>
    public static IProgress<TrainingProgress>? For(string runName, IProgress<RunProgress>? target) =>
        target is null ? null : new NamedProgress(runName, target);

    /// <inheritdoc />
    public void Report(TrainingProgress value) => target.Report(new RunProgress(runName, value));
}
