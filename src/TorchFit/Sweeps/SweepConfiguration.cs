using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>One point of a <see cref="SweepGrid"/>.</summary>
/// <param name="Index">Position in <see cref="SweepGrid.Configurations"/>, from 0.</param>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="LearningRate">η.</param>
/// <param name="Momentum">μ.</param>
/// <param name="Nesterov">Nesterov momentum.</param>
/// <param name="Precision">Training dtype.</param>
/// <param name="Seed">Seed of the initial weights and shuffles.</param>
public sealed record SweepConfiguration(int Index, int BatchSize, double LearningRate, double Momentum, bool Nesterov, Precision Precision, ulong Seed)
{
    /// <summary>
    /// A stable, file-name-safe identity, e.g. <c>b32-lr0.01-m0-float32-s0</c> (Nesterov adds "n" after μ).
    /// Finished configurations are recognised by it when a sweep resumes, and history files are named by it.
    /// </summary>
    public string Key => $"b{BatchSize}-lr{Text.R(LearningRate)}-m{Text.R(Momentum)}{(Nesterov ? "n" : "")}-{Precision.ToName()}-s{Seed}";
}
