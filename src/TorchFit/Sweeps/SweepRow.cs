using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>The result of one configuration, as results.csv and results.json hold it.</summary>
/// <param name="Index">Position in the grid.</param>
/// <param name="Key">See <see cref="SweepConfiguration.Key"/>.</param>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Momentum">μ.</param>
/// <param name="Nesterov">Nesterov momentum.</param>
/// <param name="Dtype">float32 or float64.</param>
/// <param name="Seed">Seed of the initial weights and shuffles.</param>
/// <param name="Epochs">Epochs asked for.</param>
/// <param name="EpochsRun">Epochs that ran (fewer when it diverged or stopped at the target).</param>
/// <param name="InitialMse">Full-data MSE of the initial weights.</param>
/// <param name="FinalMse">Full-data MSE after the last epoch run (NaN/Inf when it diverged that way).</param>
/// <param name="BestMse">The lowest full-data MSE of any epoch.</param>
/// <param name="Target">The target MSE of the sweep.</param>
/// <param name="EpochsToTarget">The first epoch whose MSE was ≤ the target, or null.</param>
/// <param name="DivergedAtEpoch">The epoch at which it diverged, or null.</param>
/// <param name="Stop">completed, diverged or reachedtarget.</param>
/// <param name="Seconds">Wall time of the run this configuration was part of.</param>
/// <param name="TrainedWith">How many configurations trained together in that run (1 when alone).</param>
/// <param name="Engine">batched, fused or keras.</param>
/// <param name="FullBatchStabilityLimit">2/λ_max of the problem: full-batch GD diverges for η above it.</param>
/// <param name="History">The per-epoch history file, relative to the sweep directory.</param>
/// <param name="Optimizer">sgd, adam, rmsprop or adagrad; "sgd" for a row written before sweeps had optimizers.</param>
/// <param name="Semantics">
/// The formulas computed, keras or torch (<see cref="SweepConfiguration.Semantics"/>: keras for plain SGD); "keras" for a row written before.
/// </param>
public sealed record SweepRow(
    int Index,
    string Key,
    int BatchSize,
    double LearningRate,
    double Momentum,
    bool Nesterov,
    string Dtype,
    ulong Seed,
    int Epochs,
    int EpochsRun,
    double InitialMse,
    double FinalMse,
    double BestMse,
    double Target,
    int? EpochsToTarget,
    int? DivergedAtEpoch,
    string Stop,
    double Seconds,
    int TrainedWith,
    string Engine,
    double FullBatchStabilityLimit,
    string History,
    string Optimizer = "sgd",
    string Semantics = "keras")
{
    /// <summary>The row of <paramref name="configuration"/> from its training result.</summary>
    public static SweepRow From(SweepConfiguration configuration, TrainingResult result, SweepGrid grid, double seconds, int trainedWith,
        string engine, double fullBatchStabilityLimit, string history)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(grid);
        double best = result.FullMse.Where(double.IsFinite).DefaultIfEmpty(result.InitialMse).Min();
        return new SweepRow(configuration.Index, configuration.Key, configuration.BatchSize, configuration.LearningRate, configuration.Momentum,
            configuration.Nesterov, configuration.Precision.ToName(), configuration.Seed, grid.Epochs, result.EpochsCompleted, result.InitialMse,
            result.FinalMse, best, grid.Target, result.EpochsToReach(grid.Target), result.DivergedAtEpoch,
            result.Stop.ToString().ToLowerInvariant(), seconds, trainedWith, engine, fullBatchStabilityLimit, history,
            HyperParameters.Name(configuration.Optimizer), configuration.Semantics.ToString().ToLowerInvariant());
    }
}
