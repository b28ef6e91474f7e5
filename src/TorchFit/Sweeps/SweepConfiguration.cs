using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>One point of a <see cref="SweepGrid"/>.</summary>
/// <param name="Index">Position in <see cref="SweepGrid.Configurations"/>, from 0.</param>
/// <param name="Optimizer">The optimizer, at Keras' defaults for every hyper-parameter but η and μ.</param>
/// <param name="Semantics">
/// The formulas it computes: the grid's <see cref="SweepGrid.Semantics"/>, except <see cref="OptimizerSemantics.Keras"/> for plain
/// SGD, which both compute alike.
/// </param>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Momentum">μ (0 for the optimizers without momentum).</param>
/// <param name="Nesterov">Nesterov momentum (SGD only).</param>
/// <param name="Precision">Training dtype.</param>
/// <param name="Seed">Seed of the initial weights and shuffles.</param>
public sealed record SweepConfiguration(int Index, OptimizerKind Optimizer, OptimizerSemantics Semantics, int BatchSize, double LearningRate, double Momentum,
    bool Nesterov, Precision Precision, ulong Seed)
{
    /// <summary>
    /// A stable, file-name-safe identity, e.g. <c>b32-lr0.01-m0-float32-s0</c> (Nesterov adds "n" after μ). An optimizer other
    /// than SGD comes first (<c>adam-b32-lr0.001-m0-float32-s0</c>), then <c>torch-</c> for PyTorch's formulas, so SGD keys with
    /// Keras' formulas are those of sweeps written before the other optimizers. Finished configurations are recognised by it when
    /// a sweep resumes, and history files are named by it.
    /// </summary>
    public string Key =>
        (Optimizer == OptimizerKind.Sgd ? "" : $"{HyperParameters.Name(Optimizer)}-")
        + (Semantics == OptimizerSemantics.Torch ? "torch-" : "")
        + $"b{BatchSize}-lr{Text.R(LearningRate)}-m{Text.R(Momentum)}{(Nesterov ? "n" : "")}-{Precision.ToName()}-s{Seed}";
}
