namespace TorchFit.Diagnostics;

/// <summary>What the spectrum predicts for one choice of SGD settings.</summary>
/// <param name="Name">e.g. "your settings", "tuned heavy ball (full batch)".</param>
/// <param name="LearningRate">η.</param>
/// <param name="Momentum">μ.</param>
/// <param name="Nesterov">Nesterov momentum.</param>
/// <param name="BatchSize">Rows per step (n = full batch).</param>
/// <param name="StepsPerEpoch">⌈n/B⌉.</param>
/// <param name="StabilityLimit">The largest stable η for this method at full batch: 2/λ_max plain, 2(1 + μ)/λ_max
/// heavy ball, 2(1 + μ)/((1 + 2μ)·λ_max) Nesterov (<see cref="ConvergenceRate.StableLearningRateLimit"/>).</param>
/// <param name="FractionOfStabilityLimit">η / <paramref name="StabilityLimit"/>: its own method's limit, not plain GD's.</param>
/// <param name="SlowestModeContraction">Per-step factor of the flattest mode (λ_min).</param>
/// <param name="FastestModeContraction">Per-step factor of the sharpest mode (λ_max); ≥ 1 diverges.</param>
/// <param name="Diverges">True when some mode does not shrink.</param>
/// <param name="StepsToTarget">Steps until the predicted MSE ≤ target; null when never.</param>
/// <param name="EpochsToTarget">⌈steps / steps per epoch⌉; null when never.</param>
/// <param name="Note">How the figure was obtained, or why it is "never".</param>
public sealed record SettingAnalysis(
    string Name,
    double LearningRate,
    double Momentum,
    bool Nesterov,
    int BatchSize,
    int StepsPerEpoch,
    double StabilityLimit,
    double FractionOfStabilityLimit,
    double SlowestModeContraction,
    double FastestModeContraction,
    bool Diverges,
    long? StepsToTarget,
    long? EpochsToTarget,
    string Note);
