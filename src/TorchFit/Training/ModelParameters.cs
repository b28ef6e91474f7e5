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
        options.UseBias ? problem.WithInterceptColumn() : problem;

    /// <summary>The kernel and the bias (null without one) of a parameter vector laid out as above.</summary>
    public static (double[] Kernel, double? Bias) Split(TrainingOptions options, double[] parameters) =>
        options.UseBias ? (parameters[..^1], parameters[^1]) : (parameters, null);
}
