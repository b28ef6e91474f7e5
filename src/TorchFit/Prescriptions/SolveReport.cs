using TorchFit.Diagnostics;

namespace TorchFit.Prescriptions;

/// <summary>The prescription and its comparisons, measured.</summary>
/// <param name="ProblemName">The problem.</param>
/// <param name="Target">The MSE asked for.</param>
/// <param name="Dtype">Training dtype.</param>
/// <param name="LeastSquaresMinimum">The lowest MSE any weights reach (‖b outside A's column space‖²/n).</param>
/// <param name="RoundingFloor">Where rounding in the dtype stops gradient descent (a range).</param>
/// <param name="Rows">The prescription first, then the comparisons.</param>
/// <param name="Notes">What was chosen and why, with the numbers.</param>
public sealed record SolveReport(
    string ProblemName,
    double Target,
    string Dtype,
    double LeastSquaresMinimum,
    FloorEstimate RoundingFloor,
    IReadOnlyList<SolveRow> Rows,
    IReadOnlyList<string> Notes);
