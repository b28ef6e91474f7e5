using System.Diagnostics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Baselines;

/// <summary>The closed-form baseline: <c>torch.linalg.lstsq</c> in float64.</summary>
public static class LeastSquares
{
    /// <summary>
    /// Solves min ‖A·x − b‖ with <c>torch.linalg.lstsq</c> (CPU driver gelsy, CUDA gels) in float64.
    /// Works for under-determined, square and over-determined systems.
    /// </summary>
    public static LeastSquaresResult Solve(LinearProblem problem, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.EnsureUsable(Precision.Float64);
        ProblemMemory.EnsureFits(problem, ProblemWork.LeastSquares);
        var target = ComputeDevice.Resolve(device);
        var clock = Stopwatch.StartNew();
        double[] solution;
        long rank;
        using (NewDisposeScope())
        {
            var a = ProblemTensors.Matrix(problem, target);
            var b = ProblemTensors.Target(problem, target);
            var (x, _, rankTensor, _) = torch.linalg.lstsq(a, b);
            solution = x.reshape(-1).cpu().data<double>().ToArray();
            rank = rankTensor.numel() > 0 ? rankTensor.cpu().item<long>() : -1;
        }
        clock.Stop();
        return Describe(problem, solution, rank, clock.Elapsed.TotalSeconds);
    }

    /// <summary>x = pinv(A)·b in float64: an independent route to the same minimum-norm solution.</summary>
    public static LeastSquaresResult SolveWithPseudoInverse(LinearProblem problem, string device = "cpu")
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.EnsureUsable(Precision.Float64);
        ProblemMemory.EnsureFits(problem, ProblemWork.LeastSquares);
        var target = ComputeDevice.Resolve(device);
        var clock = Stopwatch.StartNew();
        double[] solution;
        using (NewDisposeScope())
        {
            var a = ProblemTensors.Matrix(problem, target);
            var b = ProblemTensors.Target(problem, target);
            solution = torch.linalg.pinv(a).matmul(b).reshape(-1).cpu().data<double>().ToArray();
        }
        clock.Stop();
        return Describe(problem, solution, -1, clock.Elapsed.TotalSeconds);
    }

    private static LeastSquaresResult Describe(LinearProblem problem, double[] solution, long rank, double seconds)
    {
        double norm = Math.Sqrt(solution.Sum(v => v * v));
        return new LeastSquaresResult(solution, problem.MeanSquaredError(solution), norm, rank, seconds);
    }
}
