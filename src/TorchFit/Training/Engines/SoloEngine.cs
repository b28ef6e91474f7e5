using TorchFit.Problems;

namespace TorchFit.Training.Engines;

/// <summary>An engine that trains one configuration at a time: each is a group of its own.</summary>
internal abstract class SoloEngine : ITrainingEngine
{
    public abstract TrainingEngine Kind { get; }

    public IReadOnlyList<IReadOnlyList<int>> Groups(IReadOnlyList<TrainingOptions> configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        return [.. Enumerable.Range(0, configurations.Count).Select(k => (IReadOnlyList<int>)[k])];
    }

    /// <summary>Validates every configuration first (nothing runs when one is invalid), then trains them in order.</summary>
    public IReadOnlyList<TrainingResult> Train(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(configurations);
        foreach (var options in configurations) options.Validate();
        return [.. configurations.Select(options => Run(problem, options, progress, cancellationToken))];
    }

    /// <summary>One validated configuration.</summary>
    protected abstract TrainingResult Run(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken);
}
