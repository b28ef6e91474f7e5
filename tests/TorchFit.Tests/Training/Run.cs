using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Training;

/// <summary>One engine by name, through the library's resolver, for tests that compare engines.</summary>
internal static class Run
{
    public static TrainingResult Keras(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Trainer.Train(problem, options with { Engine = TrainingEngine.Keras }, progress, cancellationToken);

    public static TrainingResult Fused(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Trainer.Train(problem, options with { Engine = TrainingEngine.Fused }, progress, cancellationToken);

    public static IReadOnlyList<TrainingResult> Batched(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, IProgress<TrainingProgress>? progress = null,
        int? threads = null, CancellationToken cancellationToken = default) =>
        EngineResolver.Create(TrainingEngine.Batched, threads).Train(problem, configurations, progress, cancellationToken);

    /// <summary>One configuration on <paramref name="engine"/> (the batched engine as a group of one).</summary>
    public static TrainingResult On(TrainingEngine engine, LinearProblem problem, TrainingOptions options) => engine switch
    {
        TrainingEngine.Keras => Keras(problem, options),
        TrainingEngine.Fused => Fused(problem, options),
        TrainingEngine.Batched => Batched(problem, [options])[0],
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "not an engine these tests run"),
    };
}
