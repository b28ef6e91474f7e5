using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace TorchFit.Plotting;

/// <summary>
/// Draws a grid of values (for example the final MSE of a batch-size × learning-rate sweep) as a heatmap with
/// category labels on both axes, text in each cell and a colour bar, and saves it as PNG or SVG.
/// </summary>
public static class HeatmapChart
{
    /// <summary>The fill of cells without a value: a neutral grey that the Viridis scale never produces.</summary>
    private static readonly Color MissingCellColor = Color.FromHex("#D0D0D0");

    /// <summary>The dashed column mark: a red that stands out on both ends of Viridis.</summary>
    private static readonly Color MarkColor = Color.FromHex("#D62728");

    /// <summary>The colour bar's source: the fixed colormap and value range the cells were coloured with.</summary>
    private sealed class ColorScale(IColormap colormap, ScottPlot.Range range) : IHasColorAxis
    {
        public IColormap Colormap { get; } = colormap;

        public ScottPlot.Range GetRange() => range;
    }

    /// <summary>The lines between cells.</summary>
    private static readonly Color CellBorderColor = Colors.White;

    /// <summary>Size of the row and column labels in points (ScottPlot's default is a little small for categories).</summary>
    private const float TickFontSize = 13;

    /// <summary>Largest cell-text size in points; cells of big grids get smaller text.</summary>
    private const float MaxCellFontSize = 15;

    /// <summary>Smallest cell-text size in points; text that does not fit at this size overflows its cell.</summary>
    private const float MinCellFontSize = 7;

    /// <summary>
    /// Draws <paramref name="data"/> as a heatmap and writes it to <paramref name="path"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Row 0 of <see cref="HeatmapData.Values"/> is drawn at the top and column 0 at the left; the axes carry the
    /// row and column labels. Cells are coloured on the Viridis scale, from dark purple at the smallest finite value
    /// to yellow at the largest; NaN and infinite values are drawn in grey. A colour bar labelled
    /// <see cref="HeatmapData.ColorBarLabel"/> shows the scale; it is left out when no value is finite. Cell text is
    /// black on light cells and white on dark ones, sized to fit the cells.
    /// </para>
    /// <para>
    /// The format follows the extension of <paramref name="path"/>: <c>.png</c> or <c>.svg</c>, in any case. The
    /// file is written atomically: the chart goes to a temporary file in the same directory (created if missing),
    /// which is then renamed over <paramref name="path"/>, so a failure never leaves a partial file under that name.
    /// </para>
    /// </remarks>
    /// <param name="path">Where to write the chart; the extension picks the format (<c>.png</c> or <c>.svg</c>).</param>
    /// <param name="title">The chart title.</param>
    /// <param name="data">The grid, its labels and the optional cell text, subtitle and column mark.</param>
    /// <param name="width">Image width in pixels; must be positive.</param>
    /// <param name="height">Image height in pixels; must be positive.</param>
    /// <exception cref="ArgumentException">
    /// The extension is not <c>.png</c> or <c>.svg</c>, <paramref name="path"/> is blank, the grid has no rows or
    /// no columns, the label counts or the cell-text dimensions do not match the grid, a label is null, or the
    /// column mark lies outside the grid or has a null label.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Save(string path, string title, HeatmapData data, int width = 900, int height = 600)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(data);
        bool svg = ChartOutput.IsSvg(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Validate(data);

        using Plot plot = Build(title, data, width, height);
        ChartOutput.Write(plot, path, svg, width, height);
    }

    private static void Validate(HeatmapData data)
    {
        if (data.Values is null)
        {
            throw new ArgumentException("The heatmap has no values array.", nameof(data));
        }

        int rows = data.Values.GetLength(0);
        int columns = data.Values.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException(
                $"A heatmap needs at least one row and one column; the values array is {rows}×{columns}.", nameof(data));
        }

        CheckLabels(data.RowLabels, rows, "row", "rows", nameof(data));
        CheckLabels(data.ColumnLabels, columns, "column", "columns", nameof(data));
        if (data.CellText is not null
            && (data.CellText.GetLength(0) != rows || data.CellText.GetLength(1) != columns))
        {
            throw new ArgumentException(
                $"The cell text is {data.CellText.GetLength(0)}×{data.CellText.GetLength(1)} but the values are {rows}×{columns}.",
                nameof(data));
        }

        if (data.XLabel is null || data.YLabel is null || data.ColorBarLabel is null)
        {
            throw new ArgumentException("The x, y and colour bar labels must not be null (use an empty string for none).", nameof(data));
        }

        if (data.ColumnMark is HeatmapColumnMark mark)
        {
            if (!double.IsFinite(mark.Position) || mark.Position < -0.5 || mark.Position > columns - 0.5)
            {
                throw new ArgumentException(
                    $"The column mark at {mark.Position} lies outside the grid: columns span -0.5 to {columns - 0.5} " +
                    "(column j is centred at j, so 2.5 is between the third and fourth column).",
                    nameof(data));
            }

            if (mark.Label is null)
            {
                throw new ArgumentException("The column mark's label must not be null (use an empty string for none).", nameof(data));
            }
        }
    }

    private static void CheckLabels(IReadOnlyList<string> labels, int count, string kind, string plural, string argument)
    {
        if (labels is null)
        {
            throw new ArgumentException($"The heatmap has no {kind} labels list.", argument);
        }

        if (labels.Count != count)
        {
            throw new ArgumentException(
                $"The heatmap has {count} {plural} but {labels.Count} {kind} labels; give one label per {kind}.", argument);
        }

        for (int i = 0; i < labels.Count; i++)
        {
            if (labels[i] is null)
            {
                throw new ArgumentException($"The {kind} label {i} is null.", argument);
            }
        }
    }

    private static Plot Build(string title, HeatmapData data, int width, int height)
    {
        int rows = data.Values.GetLength(0);
        int columns = data.Values.GetLength(1);
        var plot = new Plot();
        try
        {
            // Non-finite values become NaN: "no value", filled with the grey instead of a scale colour.
            var values = new double[rows, columns];
            double low = double.PositiveInfinity;
            double high = double.NegativeInfinity;
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    double value = data.Values[r, c];
                    values[r, c] = double.IsFinite(value) ? value : double.NaN;
                    if (double.IsFinite(value))
                    {
                        low = Math.Min(low, value);
                        high = Math.Max(high, value);
                    }
                }
            }

            bool anyFinite = low <= high;
            ScottPlot.Range range = !anyFinite ? new ScottPlot.Range(0, 1)
                : low == high ? new ScottPlot.Range(low - 0.5, high + 0.5)
                : new ScottPlot.Range(low, high);
            IColormap colormap = new ScottPlot.Colormaps.Viridis();

            // Each cell is a filled rectangle in a coordinate space where cell (r, c) is centred at x = c,
            // y = rows - 1 - r: row 0 at the top, column 0 at the left. ScottPlot's Heatmap plottable is not used:
            // in 5.1.59 it draws nothing for a 1×1 array and throws when no value is finite.
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    double y = rows - 1 - r;
                    var cell = plot.Add.Rectangle(c - 0.5, c + 0.5, y - 0.5, y + 0.5);
                    cell.FillColor = CellColor(values[r, c], range, colormap);
                    cell.LineWidth = 0;
                }
            }

            for (int c = 1; c < columns; c++)
            {
                plot.Add.VerticalLine(c - 0.5, 2, CellBorderColor);
            }

            for (int r = 1; r < rows; r++)
            {
                plot.Add.HorizontalLine(r - 0.5, 2, CellBorderColor);
            }

            plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
            plot.HideGrid();
            plot.Axes.Bottom.TickGenerator = CategoryTicks(data.ColumnLabels, i => i);
            plot.Axes.Left.TickGenerator = CategoryTicks(data.RowLabels, i => rows - 1 - i);
            plot.Axes.Bottom.TickLabelStyle.FontSize = TickFontSize;
            plot.Axes.Left.TickLabelStyle.FontSize = TickFontSize;

            plot.Title(title);
            plot.XLabel(data.XLabel);
            plot.YLabel(data.YLabel);
            if (!string.IsNullOrWhiteSpace(data.Subtitle))
            {
                AddSubtitle(plot, data.Subtitle);
            }

            ScottPlot.Panels.ColorBar? colorBar = null;
            if (anyFinite)
            {
                colorBar = plot.Add.ColorBar(new ColorScale(colormap, range), Edge.Right);
                colorBar.Label = data.ColorBarLabel;
                colorBar.LabelStyle.Bold = true;
                // Fixed ticks: ScottPlot sizes the colour bar panel from ticks generated for a guessed 400 px
                // height, so automatic ticks on a taller bar can come out wider than measured and run into the label.
                colorBar.Axis.TickGenerator = ScaleTicks(range);
            }

            if (data.ColumnMark is HeatmapColumnMark mark)
            {
                AddColumnMark(plot, mark, columns);
            }

            ApplyFonts(plot, colorBar);

            // Lay the chart out to learn the cell size in pixels; slant the column labels if they would run into
            // each other, lay out again, then add cell text sized to fit the cells.
            plot.RenderInMemory(width, height);
            PixelRect dataRect = plot.LastRender.DataRect;
            float widestColumnLabel = WidestLine(data.ColumnLabels, TickFontSize);
            if (widestColumnLabel > 0.9f * dataRect.Width / columns)
            {
                // ScottPlot does not measure rotated tick labels, so reserve their room: below the data area for
                // the slanted labels plus the axis label, and left of it for the first label's tail.
                const float Slant = 0.7071f;
                plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
                plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
                plot.Axes.Bottom.MinimumSize = (widestColumnLabel + TickFontSize) * Slant + 45;
                plot.Axes.Left.MinimumSize = widestColumnLabel * Slant - dataRect.Width / columns / 2 + 10;
                plot.RenderInMemory(width, height);
                dataRect = plot.LastRender.DataRect;
            }

            if (data.CellText is not null)
            {
                AddCellText(plot, data.CellText, values, range, colormap, dataRect.Width / columns, dataRect.Height / rows);
            }

            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    private static NumericManual CategoryTicks(IReadOnlyList<string> labels, Func<int, int> position)
    {
        var ticks = new NumericManual();
        for (int i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(position(i), labels[i]);
        }

        return ticks;
    }

    /// <summary>Smaller, non-bold title lines placed under the title (one line per <c>'\n'</c>).</summary>
    private static void AddSubtitle(Plot plot, string subtitle)
    {
        var panel = new ScottPlot.Panels.TitlePanel();
        panel.Label.Text = subtitle;
        panel.Label.FontSize = 14;
        panel.Label.Bold = false;
        panel.Label.ForeColor = Colors.Black.WithOpacity(0.75);
        plot.Axes.AddPanel(panel);
    }

    /// <summary>
    /// The dashed line through the data area, labelled on the top axis (outside the cells, so it never hides text).
    /// </summary>
    private static void AddColumnMark(Plot plot, HeatmapColumnMark mark, int columns)
    {
        plot.Add.VerticalLine(mark.Position, 2.5f, MarkColor, LinePattern.Dashed);
        var top = plot.Axes.Top;
        // ScottPlot centres top tick labels on the tick. In the last column's right half a centred label would run
        // off the chart, so it is padded on the right with as many figure spaces as it has characters: its visible
        // text then ends near the line.
        string label = mark.Position > columns - 1 ? mark.Label + new string('\u2007', mark.Label.Length) : mark.Label;
        top.TickGenerator = new NumericManual([mark.Position], [label]);

        top.TickLabelStyle.ForeColor = MarkColor;
        top.TickLabelStyle.FontSize = TickFontSize;
        top.MajorTickStyle.Color = MarkColor;
        plot.Axes.SetLimitsX(-0.5, columns - 0.5, top);
    }

    /// <summary>
    /// The sans face on every label. Font.Set covers the axes and title but not added panels (subtitle, colour
    /// bar), which keep ScottPlot's default face (a serif one on some Linux machines), so those are set here too.
    /// </summary>
    private static void ApplyFonts(Plot plot, ScottPlot.Panels.ColorBar? colorBar)
    {
        if (ChartOutput.SansFont.Value is not string face)
        {
            return;
        }

        // Font.Set pins one regular typeface on every label; title and axis labels get the bold one back.
        plot.Font.Set(face);
        var bold = Fonts.GetTypeface(face, bold: true, italic: false);
        plot.Axes.Title.Label.Font = bold;
        plot.Axes.Bottom.Label.Font = bold;
        plot.Axes.Left.Label.Font = bold;
        plot.Axes.Top.TickLabelStyle.FontName = face;
        foreach (var panel in plot.Axes.GetPanels().OfType<ScottPlot.Panels.TitlePanel>())
        {
            panel.Label.FontName = face;
        }

        if (colorBar is not null)
        {
            colorBar.LabelStyle.Font = bold;
            colorBar.Axis.TickLabelStyle.FontName = face;
        }
    }

    private static void AddCellText(
        Plot plot, string?[,] cellText, double[,] values, ScottPlot.Range range, IColormap colormap, float cellWidth, float cellHeight)
    {
        int rows = values.GetLength(0);
        int columns = values.GetLength(1);
        var texts = new List<string>();
        int mostLines = 1;
        foreach (string? text in cellText)
        {
            if (!string.IsNullOrEmpty(text))
            {
                texts.Add(text);
                mostLines = Math.Max(mostLines, text.Split('\n').Length);
            }
        }

        // One size for every cell, so the grid reads evenly: the widest line fills at most 85% of a cell's width
        // and the lines (about 1.3 em each) at most 70% of its height. Text width scales with the font size.
        const float ReferenceSize = 10;
        float widest = Math.Max(WidestLine(texts, ReferenceSize), 1);
        float byWidth = ReferenceSize * 0.85f * cellWidth / widest;
        float byHeight = 0.7f * cellHeight / (1.3f * mostLines);
        float fontSize = Math.Clamp(Math.Min(byWidth, byHeight), MinCellFontSize, MaxCellFontSize);
        string? face = ChartOutput.SansFont.Value;

        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                string? text = cellText[r, c];
                if (string.IsNullOrEmpty(text))
                {
                    continue;
                }

                Color fill = CellColor(values[r, c], range, colormap);
                var label = plot.Add.Text(text, c, rows - 1 - r);
                label.Alignment = Alignment.MiddleCenter;
                label.LabelFontSize = fontSize;
                label.LabelFontColor = TextColorOn(fill);
                if (face is not null)
                {
                    label.LabelFontName = face;
                }
            }
        }
    }

    /// <summary>The width in pixels of the widest line among <paramref name="texts"/> in the chart's face at this size.</summary>
    private static float WidestLine(IEnumerable<string> texts, float fontSize)
    {
        string[] lines = texts.SelectMany(text => text.Split('\n')).ToArray();
        if (lines.Length == 0)
        {
            return 0;
        }

        var style = new LabelStyle { FontSize = fontSize };
        if (ChartOutput.SansFont.Value is string face)
        {
            style.FontName = face;
        }

        using Paint paint = Paint.NewDisposablePaint();
        return style.MeasureWidestString(lines, paint).Item2.Length;
    }

    private static Color CellColor(double value, ScottPlot.Range range, IColormap colormap) =>
        double.IsNaN(value) ? MissingCellColor : colormap.GetColor(range.Normalize(value, true));

    /// <summary>
    /// About five to eight ticks at round steps (1, 2, 2.5 or 5 times a power of ten) inside the range, labelled
    /// with as many decimals as the step needs.
    /// </summary>
    private static NumericManual ScaleTicks(ScottPlot.Range range)
    {
        double span = range.Max - range.Min;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(span / 6)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => span / s <= 8);
        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
        if (step * Math.Pow(10, decimals) % 1 != 0)
        {
            decimals++; // 2.5 × 10^k needs one more digit than 10^k
        }

        var ticks = new NumericManual();
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        long first = (long)Math.Ceiling(range.Min / step - 1e-9);
        long last = (long)Math.Floor(range.Max / step + 1e-9);
        for (long k = first; k <= last; k++)
        {
            double tick = k * step;
            ticks.AddMajor(tick, tick.ToString(format, CultureInfo.InvariantCulture));
        }

        return ticks;
    }

    /// <summary>
    /// Black on light fills and white on dark ones: black when the fill's relative luminance (WCAG) is above
    /// 0.179, where both give the same contrast.
    /// </summary>
    private static Color TextColorOn(Color fill)
    {
        static double Linear(byte channel)
        {
            double c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        double luminance = 0.2126 * Linear(fill.R) + 0.7152 * Linear(fill.G) + 0.0722 * Linear(fill.B);
        return luminance > 0.179 ? Colors.Black : Colors.White;
    }
}
