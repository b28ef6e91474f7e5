namespace TorchFit.Plotting;

/// <summary>
/// A labelled vertical dashed line on a heatmap between two columns, such as the learning rate where full-batch
/// gradient descent stops being stable.
/// </summary>
/// <param name="Position">
/// Where the line goes, in column units: column <c>j</c> (from 0) is centred at <c>j</c> and spans
/// <c>j - 0.5</c> to <c>j + 0.5</c>, so 2.5 lies between the third and the fourth column. A fractional position
/// inside a column (for example 2.8) places the line proportionally inside it. Must lie within
/// <c>-0.5</c> to <c>columns - 0.5</c>.
/// </param>
/// <param name="Label">The text shown above the line, outside the cells; for example <c>"η &lt; 0.01339"</c>.</param>
public sealed record HeatmapColumnMark(double Position, string Label);
