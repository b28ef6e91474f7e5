using System.Numerics;

namespace TorchFit.Diagnostics;

/// <summary>How fast one error mode shrinks per full-batch step.</summary>
public static class ConvergenceRate
{
    /// <summary>
    /// The factor by which a mode of curvature <paramref name="lambda"/> shrinks per step (its
    /// amplitude, asymptotically): |1 − ηλ| for plain GD; for momentum the larger root modulus of
    /// z² − t·z + p = 0, with t = 1 + μ − ηλ, p = μ (heavy ball) or t = (1 + μ)(1 − ηλ),
    /// p = μ(1 − ηλ) (Nesterov). ≥ 1 means that mode does not converge.
    /// </summary>
    public static double PerStep(double lambda, double learningRate, double momentum = 0, bool nesterov = false)
    {
        if (momentum == 0) return Math.Abs(1 - learningRate * lambda);
        double t = nesterov ? (1 + momentum) * (1 - learningRate * lambda) : 1 + momentum - learningRate * lambda;
        double p = nesterov ? momentum * (1 - learningRate * lambda) : momentum;
        var root = Complex.Sqrt(t * t - 4 * p);
        return Math.Max(((t + root) / 2).Magnitude, ((t - root) / 2).Magnitude);
    }

    /// <summary>
    /// The largest learning rate at which full-batch steps on curvature <paramref name="lambdaMax"/> still
    /// contract (<see cref="PerStep"/> &lt; 1 just below it, a root at −1 on it): 2/λ_max for plain GD,
    /// 2(1 + μ)/λ_max for heavy ball, 2(1 + μ)/((1 + 2μ)·λ_max) for Nesterov. Each method has its own:
    /// plain GD's does not apply to momentum.
    /// </summary>
    public static double StableLearningRateLimit(double lambdaMax, double momentum = 0, bool nesterov = false) =>
        (momentum == 0 ? 2 : nesterov ? 2 * (1 + momentum) / (1 + 2 * momentum) : 2 * (1 + momentum)) / lambdaMax;

    /// <summary>
    /// <see cref="StableLearningRateLimit"/> from plain GD's limit 2/λ_max (what a sweep manifest records)
    /// instead of λ_max.
    /// </summary>
    public static double StableLearningRateLimitFromPlain(double plainLimit, double momentum = 0, bool nesterov = false) =>
        StableLearningRateLimit(2 / plainLimit, momentum, nesterov);

    /// <summary>"plain GD", "heavy ball" or "Nesterov": the method whose limit <see cref="StableLearningRateLimit"/> gives.</summary>
    public static string MethodName(double momentum = 0, bool nesterov = false) =>
        momentum == 0 ? "plain GD" : nesterov ? "Nesterov" : "heavy ball";

    /// <summary>What these predictions cover, said wherever they are shown.</summary>
    public const string Coverage = "These predictions cover SGD only, plain or with (heavy-ball, Nesterov) momentum: Adam, RMSprop and Adagrad "
        + "divide each weight's step by its own gradient history, which the spectrum alone does not describe; train them to measure them.";

    /// <summary>The formula of <see cref="StableLearningRateLimit"/> for these settings, as text.</summary>
    public static string StableLearningRateRule(double momentum = 0, bool nesterov = false) =>
        momentum == 0 ? "2/λ_max" : nesterov ? "2(1 + μ)/((1 + 2μ)·λ_max)" : "2(1 + μ)/λ_max";
}
