namespace TorchFit.Plotting;

/// <summary>
/// One training-loss curve: the mean squared error after each epoch, drawn at x = 1..N.
/// </summary>
/// <param name="Label">The legend text for the curve (for example the learning rate or the device).</param>
/// <param name="Values">
/// One MSE value per epoch, first epoch first. Non-positive values are drawn at the chart's floor and
/// NaN or infinite values (a diverged run) are skipped.
/// </param>
/// <param name="DivergedAtEpoch">The epoch the run diverged at, marked on the chart by a dotted vertical line; null if it did not.</param>
public sealed record LossSeries(string Label, IReadOnlyList<double> Values, int? DivergedAtEpoch = null);
