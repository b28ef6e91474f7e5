namespace TorchFit.Diagnostics;

/// <summary>
/// The residual r = A·w − b of a starting point, split along the left singular vectors of A.
/// Each component evolves on its own under full-batch GD or heavy ball, which makes the loss
/// curve computable without training.
/// </summary>
/// <param name="Rows">n.</param>
/// <param name="Lambdas">λᵢ = 2σᵢ²/n of the non-zero singular values.</param>
/// <param name="Components">cᵢ = uᵢᵀ·r₀ for those modes.</param>
/// <param name="UnreachableSquaredNorm">‖r₀‖² outside the column space of A, which is ‖b⊥‖² for every w: no w
/// removes it (<see cref="ProblemDecomposition.UnreachableSquaredNorm"/>, 0 at rounding level).</param>
public sealed record ErrorModes(int Rows, double[] Lambdas, double[] Components, double UnreachableSquaredNorm)
{
    /// <summary>The MSE of the starting point.</summary>
    public double InitialMse => (Components.Sum(c => c * c) + UnreachableSquaredNorm) / Rows;

    /// <summary>
    /// Full-batch GD MSE after <paramref name="steps"/> steps of η: each mode is multiplied by
    /// (1 − η·λᵢ) per step, so MSE_k = (Σ cᵢ²(1 − ηλᵢ)^{2k} + ‖r⊥‖²)/n. Exact in exact arithmetic.
    /// </summary>
    public double GradientDescentMse(double learningRate, long steps)
    {
        double sum = UnreachableSquaredNorm;
        for (int i = 0; i < Lambdas.Length; i++)
        {
            double factor = Math.Pow(Math.Abs(1 - learningRate * Lambdas[i]), 2.0 * steps);
            sum += Components[i] * Components[i] * factor;
        }
        return sum / Rows;
    }

    /// <summary>
    /// MSE after each of <paramref name="steps"/> full-batch steps of SGD with momentum as PyTorch
    /// and Keras run it (constant η): per mode b ← μ·b + λ·e, then e ← e − η·b (heavy ball) or
    /// e ← e − η·(λ·e + μ·b) (Nesterov), with b = 0 at the start. μ = 0 is plain GD. With
    /// <paramref name="stopAtMse"/> the curve ends at the first step whose MSE is ≤ it.
    /// </summary>
    public double[] MomentumCurve(double learningRate, double momentum, bool nesterov, int steps, double? stopAtMse = null)
    {
        var curve = new List<double>(Math.Min(steps, 1 << 16));
        var error = (double[])Components.Clone();
        var buffer = new double[error.Length];
        for (int k = 0; k < steps; k++)
        {
            double sum = UnreachableSquaredNorm;
            for (int i = 0; i < error.Length; i++)
            {
                double gradient = Lambdas[i] * error[i];
                buffer[i] = momentum * buffer[i] + gradient;
                error[i] -= learningRate * (nesterov ? gradient + momentum * buffer[i] : buffer[i]);
                // A mode this small no longer shows in the MSE, and as a subnormal it would make every step ~100× slower.
                if (Math.Abs(error[i]) < TinyMode && Math.Abs(buffer[i]) < TinyMode) error[i] = buffer[i] = 0;
                sum += error[i] * error[i];
            }
            curve.Add(sum / Rows);
            if (sum / Rows <= stopAtMse) break;
        }
        return [.. curve];
    }

    /// <summary>Modes and momenta below this are set to 0: their squares are far below any MSE a double can show beside others.</summary>
    private const double TinyMode = 1e-150;

    /// <summary>
    /// The first step count at which full-batch GD's MSE is ≤ <paramref name="target"/>, or null
    /// when it never gets there (η ≥ 2/λ_max diverges, or the unreachable part alone is above target).
    /// The curve decreases monotonically for η &lt; 2/λ_max, so a doubling-and-bisection search is exact.
    /// </summary>
    public long? GradientDescentStepsTo(double target, double learningRate, long maxSteps = 1L << 50)
    {
        if (Lambdas.Any(l => Math.Abs(1 - learningRate * l) >= 1)) return null;
        if (GradientDescentMse(learningRate, 0) <= target) return 0;
        if (UnreachableSquaredNorm / Rows > target) return null;
        long high = 1;
        while (GradientDescentMse(learningRate, high) > target)
        {
            if (high >= maxSteps) return null;
            high *= 2;
        }
        long low = high / 2;
        while (high - low > 1)
        {
            long middle = low + (high - low) / 2;
            if (GradientDescentMse(learningRate, middle) > target) low = middle; else high = middle;
        }
        return high;
    }
}
