using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Problems;

/// <summary>Moves a <see cref="LinearProblem"/> onto a device as float64 tensors.</summary>
internal static class ProblemTensors
{
    /// <summary>A as an n×d float64 tensor on <paramref name="device"/>; the caller's scope owns it.</summary>
    public static Tensor Matrix(LinearProblem problem, Device device) =>
        torch.tensor(problem.Matrix.ToArray(), new long[] { problem.Rows, problem.Columns }, ScalarType.Float64).to(device);

    /// <summary>b as an n×1 float64 column (never a flat vector: see the broadcasting guard).</summary>
    public static Tensor Target(LinearProblem problem, Device device) =>
        torch.tensor(problem.Target.ToArray(), new long[] { problem.Rows, 1 }, ScalarType.Float64).to(device);
}
