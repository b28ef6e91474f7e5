namespace TorchFit.Reproduction;

/// <summary>TorchFit's figure for one case.</summary>
/// <param name="Case">The case and the question's figure.</param>
/// <param name="Mse">‖A·x − b‖²/n in float64, x from lstsq or the trained weights.</param>
/// <param name="SolutionNorm">‖x‖₂; null for an SGD case read off a longer run (its weights were not kept).</param>
/// <param name="Seconds">Wall time (for a continued SGD case: the run's time up to its epochs).</param>
/// <param name="Dtype">float64 for lstsq, the training dtype for SGD.</param>
/// <param name="FullMseHistory">SGD: full-data MSE after each epoch; empty for lstsq.</param>
/// <param name="HistoryLoss">SGD: Keras History loss per epoch; empty for lstsq.</param>
public sealed record CaseResult(
    ReproductionCase Case,
    double Mse,
    double? SolutionNorm,
    double Seconds,
    string Dtype,
    double[] FullMseHistory,
    double[] HistoryLoss);
