using TorchFit.Problems;

namespace TorchFit.Training;

/// <summary>
/// The trained parameters of a <c>Dense(1)</c> as the engines see them: the d weights of the kernel, then the bias
/// when <see cref="TrainingOptions.UseBias"/> is set. A bias is a weight whose input is always 1, so the engines
/// that compute the gradient in closed form train on [A 1] (<see cref="Problem"/>) and the bias is the last weight;
/// the result splits it off again (<see cref="Split"/>).
/// </summary>
internal static class ModelParameters
{
    /// <summary>The problem the parameters fit: A itself, or [A 1] with a bias.</summary>
    public static LinearProblem Problem(LinearProblem problem, TrainingOptions options) =>
        options.UseBias ? WithInterceptColumn(problem) : problem;

    /// <summary>[A 1]: A with a column of ones after its last column, and the same b.</summary>
    public static LinearProblem WithInterceptColumn(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        int n = problem.Rows, d = problem.Columns;
        var matrix = new double[n * (d + 1)];
        var source = problem.Matrix;
        for (int i = 0; i < n; i++)
        {
            source.Slice(i * d, d).CopyTo(matrix.AsSpan(i * (d + 1), d));
            matrix[i * (d + 1) + d] = 1;
        }
        return LinearProblem.Adopt(problem.Name, n, d + 1, matrix, problem.Target.ToArray());
    }

    /// <summary>The kernel and the bias (null without one) of a parameter vector laid out as above.</summary>
    public static (double[] Kernel, double? Bias) Split(TrainingOptions options, double[] parameters) =>
        options.UseBias ? (parameters[..^1], parameters[^1]) : (parameters, null);
}
