using System.Text.Json.Serialization;

namespace TorchFit.Prescriptions;

/// <summary>One measured way of reaching the target.</summary>
/// <param name="Name">Short label.</param>
/// <param name="Description">The settings in words, with numbers.</param>
/// <param name="PredictedEpochs">Epochs the spectrum predicts (exact arithmetic); null when it makes no prediction or predicts never.</param>
/// <param name="EpochsToTarget">Measured: the first epoch with MSE ≤ target; null if not reached.</param>
/// <param name="EpochsRun">Epochs that ran (runs stop at the target).</param>
/// <param name="FinalMse">Full-data MSE at the end.</param>
/// <param name="BestMse">Lowest full-data MSE seen.</param>
/// <param name="Dtype">Training dtype.</param>
/// <param name="Seconds">Wall time of the run(s).</param>
public sealed record SolveRow(
    string Name,
    string Description,
    long? PredictedEpochs,
    int? EpochsToTarget,
    int EpochsRun,
    double FinalMse,
    double BestMse,
    string Dtype,
    double Seconds)
{
    /// <summary>The full-data MSE after each epoch (for the chart); not part of the JSON report.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> FullMse { get; init; } = [];
}
