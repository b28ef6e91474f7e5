using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Diagnostics;

/// <summary>Trains with given settings and compares the run with the spectrum's prediction.</summary>
public static class PredictionVerifier
{
    /// <summary>
    /// Trains with <paramref name="settings"/> (on its engine, else <see cref="EngineDefaults.Diagnose"/>) and predicts the same run from
    /// the SVD and the same w₀: exact for full batch (plain, heavy ball or Nesterov); for
    /// mini-batches each epoch counts as ⌈n/B⌉ full-batch steps.
    /// </summary>
    public static PredictionCheck Verify(
        LinearProblem problem,
        TrainingOptions settings,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        Diagnoser.EnsurePredictable(settings);
        var measured = Trainer.Train(problem, settings with { Engine = settings.Engine ?? EngineDefaults.Diagnose }, progress, cancellationToken);
        double[] start = measured.InitialBias is double bias ? [.. measured.InitialWeights, bias] : measured.InitialWeights;
        var modes = ProblemDecomposition.Of(ModelParameters.Problem(problem, settings)).Modes(start);
        int stepsPerEpoch = new BatchPlan(problem.Rows, settings.BatchSize).StepsPerEpoch;
        var steps = modes.MomentumCurve(settings.LearningRate, settings.Momentum, settings.Nesterov, measured.EpochsCompleted * stepsPerEpoch);
        var predicted = Enumerable.Range(1, measured.EpochsCompleted).Select(epoch => steps[epoch * stepsPerEpoch - 1]).ToArray();
        double gap = 0;
        for (int e = 0; e < predicted.Length; e++)
            gap = Math.Max(gap, Math.Abs(predicted[e] - measured.FullMse[e]) / measured.FullMse[e]);
        return new PredictionCheck(predicted, measured.FullMse, gap, stepsPerEpoch == 1);
    }
}
