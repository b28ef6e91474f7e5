namespace TorchFit.Plotting;

/// <summary>
/// The grid a <see cref="HeatmapChart"/> draws: one coloured cell per value, with category labels on both axes.
/// </summary>
/// <param name="RowLabels">
/// One label per row of <paramref name="Values"/>, shown on the y axis; row 0 is drawn at the top
/// (for example batch sizes <c>"1"</c>, <c>"8"</c>, <c>"32"</c>, <c>"200"</c>).
/// </param>
/// <param name="ColumnLabels">
/// One label per column of <paramref name="Values"/>, shown on the x axis; column 0 is drawn at the left
/// (for example learning rates <c>"0.001"</c>, <c>"0.003"</c>, <c>"0.01"</c>).
/// </param>
/// <param name="Values">
/// The cell values, indexed <c>[row, column]</c>; at least one row and one column. The colour scale spans the
/// finite values. NaN and infinite values mean "no value" (a diverged run, a target never reached): such cells
/// are drawn in a neutral grey that is not part of the colour scale.
/// </param>
/// <param name="CellText">
/// Optional text printed centred in each cell, indexed like <paramref name="Values"/> (for example
/// <c>"3.2e-11"</c> or <c>"diverged @ 412"</c>); null prints no text, and a null or empty entry leaves that cell
/// blank. A <c>'\n'</c> starts a new line.
/// </param>
/// <param name="XLabel">The x axis label, for example <c>"learning rate η"</c>.</param>
/// <param name="YLabel">The y axis label, for example <c>"batch size"</c>.</param>
/// <param name="ColorBarLabel">The label of the colour bar, for example <c>"log10 final MSE"</c>.</param>
/// <param name="Subtitle">Optional smaller lines under the title, a <c>'\n'</c> between lines; null or blank for none.</param>
/// <param name="ColumnMark">An optional labelled vertical dashed line between columns; null for none.</param>
public sealed record HeatmapData(
    IReadOnlyList<string> RowLabels,
    IReadOnlyList<string> ColumnLabels,
    double[,] Values,
    string?[,]? CellText,
    string XLabel,
    string YLabel,
    string ColorBarLabel,
    string? Subtitle = null,
    HeatmapColumnMark? ColumnMark = null);
