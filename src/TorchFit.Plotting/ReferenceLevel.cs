namespace TorchFit.Plotting;

/// <summary>
/// A horizontal reference line on a loss chart, such as the closed-form least-squares MSE or a target like 1e-30.
/// </summary>
/// <param name="Label">The legend text for the line.</param>
/// <param name="Value">
/// The MSE level of the line. A non-positive value is drawn at the chart's floor; a NaN or infinite value is not drawn.
/// </param>
public sealed record ReferenceLevel(string Label, double Value);
