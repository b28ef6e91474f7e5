namespace TorchFit.Diagnostics;

/// <summary>
/// The singular values of A and what they mean for gradient descent on L(w) = ‖A·w − b‖²/n,
/// whose Hessian H = (2/n)·AᵀA has eigenvalues λᵢ = 2σᵢ²/n.
/// </summary>
/// <param name="Rows">n.</param>
/// <param name="SingularValues">σ of A in float64, largest first.</param>
/// <param name="Rank">Singular values above max(n, d)·σ_max·ε (NumPy's matrix_rank rule).</param>
public sealed record Spectrum(int Rows, double[] SingularValues, int Rank)
{
    /// <summary>σ_max.</summary>
    public double SigmaMax => SingularValues[0];

    /// <summary>The smallest singular value counted in the rank.</summary>
    public double SigmaMinNonZero => SingularValues[Math.Max(Rank - 1, 0)];

    /// <summary>σ_max / σ_min (non-zero).</summary>
    public double ConditionNumber => SigmaMax / SigmaMinNonZero;

    /// <summary>λ_max = 2σ_max²/n: the sharpest curvature of the loss.</summary>
    public double LambdaMax => 2 * SigmaMax * SigmaMax / Rows;

    /// <summary>λ_min = 2σ_min²/n over the non-zero σ: the flattest direction GD can move along.</summary>
    public double LambdaMin => 2 * SigmaMinNonZero * SigmaMinNonZero / Rows;

    /// <summary>κ = λ_max/λ_min: how many times slower the slowest mode is than the fastest.</summary>
    public double Kappa => LambdaMax / LambdaMin;

    /// <summary>Full-batch plain GD is stable only while η &lt; 2/λ_max (momentum has its own limit: <see cref="ConvergenceRate.StableLearningRateLimit"/>).</summary>
    public double StableLearningRateLimit => ConvergenceRate.StableLearningRateLimit(LambdaMax);

    /// <summary>
    /// η = 2/(λ_max + λ_min): the constant step that contracts the slowest and fastest modes equally,
    /// the best worst-case rate. When most of the error sits in the λ_max mode (the all-positive mean
    /// direction of a uniform A), a smaller η can reach a target sooner.
    /// </summary>
    public double OptimalLearningRate => 2 / (LambdaMax + LambdaMin);

    /// <summary>Heavy ball tuned to the spectrum: η = 4/(√λ_max + √λ_min)².</summary>
    public double TunedHeavyBallLearningRate => 4 / Math.Pow(Math.Sqrt(LambdaMax) + Math.Sqrt(LambdaMin), 2);

    /// <summary>Heavy ball tuned to the spectrum: μ = ((√κ − 1)/(√κ + 1))².</summary>
    public double TunedHeavyBallMomentum => Math.Pow((Math.Sqrt(Kappa) - 1) / (Math.Sqrt(Kappa) + 1), 2);
}
