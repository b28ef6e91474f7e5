namespace TorchFit.Training;

/// <summary>What a training run produced, as managed values (no tensors to dispose).</summary>
/// <param name="Options">The settings the run used.</param>
/// <param name="Device">Where it ran: "cpu" or "cuda:N".</param>
/// <param name="InitialWeights">w₀, the d initial weights of the kernel.</param>
/// <param name="Weights">The d final weights of the kernel (in the training dtype, widened to double).</param>
/// <param name="HistoryLoss">
/// Keras History <c>loss</c> per epoch: the batch-size-weighted mean of the pre-update batch losses.
/// </param>
/// <param name="FullMse">Full-data MSE after each epoch, ‖A·w − b‖²/n in float64.</param>
/// <param name="EpochEndSeconds">Wall time since the start at the end of each epoch.</param>
/// <param name="InitialMse">Full-data MSE of w₀.</param>
/// <param name="Stop">Why the run ended.</param>
public sealed record TrainingResult(
    TrainingOptions Options,
    string Device,
    double[] InitialWeights,
    double[] Weights,
    double[] HistoryLoss,
    double[] FullMse,
    double[] EpochEndSeconds,
    double InitialMse,
    TrainingStop Stop)
{
    /// <summary>Epochs that ran to the end.</summary>
    public int EpochsCompleted => FullMse.Length;

    /// <summary>Full-data MSE after the last completed epoch (w₀'s MSE if none completed).</summary>
    public double FinalMse => FullMse.Length > 0 ? FullMse[^1] : InitialMse;

    /// <summary>Wall time of the epochs that ran.</summary>
    public double Seconds => EpochEndSeconds.Length > 0 ? EpochEndSeconds[^1] : 0;

    /// <summary>The bias the run started from (0, as Keras initialises it, unless given); null without <see cref="TrainingOptions.UseBias"/>.</summary>
    public double? InitialBias { get; init; }

    /// <summary>The final bias (in the training dtype, widened to double); null without <see cref="TrainingOptions.UseBias"/>.</summary>
    public double? Bias { get; init; }

    /// <summary>
    /// The first epoch whose MSE was NaN/Inf or past the divergence bound, or null. With
    /// <see cref="DivergencePolicy.Continue"/> the run trained on after it (its <see cref="Stop"/> is still <see cref="TrainingStop.Diverged"/>).
    /// </summary>
    public int? DivergedAtEpoch { get; init; }

    /// <summary>The first epoch whose full-data MSE is ≤ <paramref name="target"/>, or null.</summary>
    public int? EpochsToReach(double target)
    {
        int index = Array.FindIndex(FullMse, mse => mse <= target);
        return index < 0 ? null : index + 1;
    }
}
