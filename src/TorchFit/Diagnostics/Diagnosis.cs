namespace TorchFit.Diagnostics;

/// <summary>Why gradient descent behaves as it does on one problem, with the numbers.</summary>
/// <param name="ProblemName">The problem's description.</param>
/// <param name="Rows">n.</param>
/// <param name="Columns">d.</param>
/// <param name="Spectrum">σ, λ, κ and the learning-rate limits.</param>
/// <param name="Target">The MSE the analysis asks about.</param>
/// <param name="Dtype">The training dtype the floor refers to.</param>
/// <param name="RoundingFloor">Where rounding in that dtype stops gradient descent (a range).</param>
/// <param name="InitialMse">MSE of the initial weights the trainer would draw.</param>
/// <param name="InitialWeightsNorm">‖w₀‖.</param>
/// <param name="NullSpaceNorm">‖part of w₀ in A's null space‖: GD never changes it.</param>
/// <param name="Settings">The user's settings and the alternatives, analysed.</param>
/// <param name="Explanation">The answer in plain language, built from these numbers.</param>
public sealed record Diagnosis(
    string ProblemName,
    int Rows,
    int Columns,
    Spectrum Spectrum,
    double Target,
    string Dtype,
    FloorEstimate RoundingFloor,
    double InitialMse,
    double InitialWeightsNorm,
    double NullSpaceNorm,
    IReadOnlyList<SettingAnalysis> Settings,
    IReadOnlyList<string> Explanation)
{
    /// <summary>
    /// True when the settings train a bias: the analysis is of [A 1] (<see cref="Columns"/> is d + 1), whose last
    /// weight, the bias, multiplies a column of ones.
    /// </summary>
    public bool WithIntercept { get; init; }

    /// <summary>What was analysed: "A" or "[A 1]".</summary>
    public string MatrixName => WithIntercept ? "[A 1]" : "A";
}
