using TorchFit.Problems;

namespace TorchFit.Training;

/// <summary>One entry point for a single training run: the engine the options name, or <see cref="EngineDefaults.Train"/>.</summary>
public static class Trainer
{
    /// <summary>Trains one configuration with its engine (<see cref="TrainingOptions.Engine"/>, default the Keras mirror).</summary>
    /// <param name="problem">The float64 problem; it is cast to the training dtype.</param>
    /// <param name="options">The fit settings (validated here).</param>
    /// <param name="progress">Told after every epoch; keep it cheap.</param>
    /// <param name="cancellationToken">Stops after the current epoch; the result keeps what ran.</param>
    public static TrainingResult Train(
        LinearProblem problem,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EngineResolver.Create(options.Engine ?? EngineDefaults.Train).Train(problem, [options], progress, cancellationToken)[0];
    }
}
