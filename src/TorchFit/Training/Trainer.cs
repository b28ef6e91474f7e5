using TorchFit.Problems;

namespace TorchFit.Training;

/// <summary>One entry point for training: runs <see cref="TrainingOptions.Engine"/>.</summary>
public static class Trainer
{
    /// <summary>Trains with <see cref="KerasTrainer"/> or <see cref="FusedTrainer"/> as the options say.</summary>
    public static TrainingResult Train(
        LinearProblem problem,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Engine == TrainingEngine.Fused
            ? FusedTrainer.Train(problem, options, progress, cancellationToken)
            : KerasTrainer.Train(problem, options, progress, cancellationToken);
    }
}
