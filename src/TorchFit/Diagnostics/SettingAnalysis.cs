namespace TorchFit.Diagnostics;

/// <summary>What the spectrum predicts for one choice of SGD settings.</summary>
/// <param name="Name">e.g. "your settings", "tuned heavy ball (full batch)".</param>
/// <param name="LearningRate">η.</param>
/// <param name="Momentum">μ.</param>
/// <param name="Nesterov">Nesterov momentum.</param>
/// <param name="BatchSize">Rows per step (n = full batch).</param>
/// <param name="StepsPerEpoch">⌈n/B⌉.</param>
/// <param name="FractionOfStabilityLimit">η / (2/λ_max).</param>
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
    double FractionOfStabilityLimit,
    double SlowestModeContraction,
    double FastestModeContraction,
    bool Diverges,
    long? StepsToTarget,
    long? EpochsToTarget,
    string Note);
