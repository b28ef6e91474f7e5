using TorchFit.Problems;

namespace TorchFit.Training;

/// <summary>
/// One way of computing training runs: K configurations on one problem (a single run is K = 1).
/// Get one from <see cref="EngineResolver.Create"/>; every engine reads the same <see cref="TrainingOptions"/>, draws
/// the same initial weights and shuffles for a seed, and returns the same <see cref="TrainingResult"/>s.
/// </summary>
public interface ITrainingEngine
{
    /// <summary>Which engine this is.</summary>
    TrainingEngine Kind { get; }

    /// <summary>
    /// The configurations one <see cref="Train"/> call computes together, as lists of indices into
    /// <paramref name="configurations"/>, in order: the batched engine groups those that share a pass over
    /// the data (batch size, seed, dtype, init, shuffle, epochs, start, device and update form); the others
    /// train one configuration at a time.
    /// </summary>
    IReadOnlyList<IReadOnlyList<int>> Groups(IReadOnlyList<TrainingOptions> configurations);

    /// <summary>
    /// Trains every configuration (each stops on its own at divergence or its target) and returns one result
    /// per configuration, in order. Cancellation stops after the current epoch; the results keep what ran.
    /// </summary>
    /// <exception cref="InvalidInputException">An invalid option, or a device that is not available.</exception>
    IReadOnlyList<TrainingResult> Train(
        LinearProblem problem,
        IReadOnlyList<TrainingOptions> configurations,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default);
}
