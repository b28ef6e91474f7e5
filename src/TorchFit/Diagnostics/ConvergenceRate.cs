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
}
