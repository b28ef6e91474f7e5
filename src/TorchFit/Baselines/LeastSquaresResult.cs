namespace TorchFit.Baselines;

/// <summary>The closed-form answer to a problem, computed in float64.</summary>
/// <param name="Solution">x, the minimum-norm least-squares solution for a full-rank under-determined A.</param>
/// <param name="Mse">‖A·x − b‖² / n in float64.</param>
/// <param name="SolutionNorm">‖x‖₂.</param>
/// <param name="Rank">The numerical rank LAPACK found (gelsy on CPU; -1 where the driver does not report it).</param>
/// <param name="Seconds">Wall time of the solve.</param>
public sealed record LeastSquaresResult(double[] Solution, double Mse, double SolutionNorm, long Rank, double Seconds);
