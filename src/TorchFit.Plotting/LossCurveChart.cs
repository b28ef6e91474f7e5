using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace TorchFit.Plotting;

/// <summary>
/// Draws training-loss curves (MSE per epoch) on a logarithmic y axis and saves them as PNG or SVG.
/// </summary>
public static class LossCurveChart
{
    /// <summary>The smallest MSE drawn: non-positive values (and levels) are clamped up to it.</summary>
    private const double FloorValue = 1e-40;

    /// <summary>Roughly how many pixels of height one major y tick label needs.</summary>
    private const double PixelsPerMajorTick = 45;

    /// <summary>Minimum pixels per decade before the 2..9 minor ticks are drawn inside each decade.</summary>
    private const double PixelsPerDecadeForMinorTicks = 30;

    private static readonly Color[] ReferenceColors =
    [
        Colors.Black,
        Colors.DimGray,
        Colors.SaddleBrown,
        Colors.DarkSlateBlue,
    ];

    /// <summary>
    /// Draws MSE against epoch on a log-scale y axis, one line per series and one dashed horizontal line per
    /// reference level (each named in the legend), and writes the chart to <paramref name="path"/>.
    /// </summary>
    /// <remarks>
    /// The format follows the extension of <paramref name="path"/>: <c>.png</c> or <c>.svg</c>, in any case.
    /// Values at or below zero are drawn at a floor of 1e-40; NaN and infinite values (a diverged run) are skipped.
    /// The y range covers every drawn value and every reference level, so a level far below the curves stays visible.
    /// The file is written atomically: the chart goes to a temporary file in the same directory (created if missing),
    /// which is then renamed over <paramref name="path"/>, so a failure never leaves a partial file under that name.
    /// </remarks>
    /// <param name="path">Where to write the chart; the extension picks the format (<c>.png</c> or <c>.svg</c>).</param>
    /// <param name="title">The chart title.</param>
    /// <param name="series">The loss curves to draw; at least one. Epoch k of a series is drawn at x = k (from 1).</param>
    /// <param name="levels">Horizontal reference lines, such as the closed-form least-squares MSE; may be empty.</param>
    /// <param name="width">Image width in pixels; must be positive.</param>
    /// <param name="height">Image height in pixels; must be positive.</param>
    /// <param name="xLabel">The horizontal axis label. Defaults to "epoch".</param>
    /// <param name="yLabel">The vertical (log-scale) axis label. Defaults to "MSE (log scale)".</param>
    /// <exception cref="ArgumentException">
    /// The extension is not <c>.png</c> or <c>.svg</c>, <paramref name="series"/> is empty or holds a null entry,
    /// <paramref name="levels"/> holds a null entry, or <paramref name="path"/> is blank.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Save(
        string path,
        string title,
        IReadOnlyList<LossSeries> series,
        IReadOnlyList<ReferenceLevel> levels,
        int width = 1000,
        int height = 600,
        string xLabel = "epoch",
        string yLabel = "MSE (log scale)")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        bool svg = ChartOutput.IsSvg(path);
        Validate(title, series, levels, width, height);

        using Plot plot = Build(title, series, levels, height, xLabel, yLabel);
        ChartOutput.Write(plot, path, svg, width, height);
    }

    /// <summary>
    /// Draws the same chart as <see cref="Save"/> and returns it as PNG bytes instead of writing a file, for hosts that
    /// display images themselves (a notebook, a web page).
    /// </summary>
    /// <remarks>Drawing rules (log scale, floor, skipped NaN and infinite values, y range) are those of <see cref="Save"/>.</remarks>
    /// <param name="title">The chart title.</param>
    /// <param name="series">The loss curves to draw; at least one. Epoch k of a series is drawn at x = k (from 1).</param>
    /// <param name="levels">Horizontal reference lines, such as the closed-form least-squares MSE; may be empty.</param>
    /// <param name="width">Image width in pixels; must be positive.</param>
    /// <param name="height">Image height in pixels; must be positive.</param>
    /// <param name="xLabel">The horizontal axis label. Defaults to "epoch".</param>
    /// <param name="yLabel">The vertical (log-scale) axis label. Defaults to "MSE (log scale)".</param>
    /// <returns>A PNG image of <paramref name="width"/> × <paramref name="height"/> pixels.</returns>
    /// <exception cref="ArgumentException"><paramref name="series"/> is empty or holds a null entry, or <paramref name="levels"/> holds a null entry.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is not positive.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static byte[] RenderPng(
        string title,
        IReadOnlyList<LossSeries> series,
        IReadOnlyList<ReferenceLevel> levels,
        int width = 1000,
        int height = 600,
        string xLabel = "epoch",
        string yLabel = "MSE (log scale)")
    {
        Validate(title, series, levels, width, height);
        using Plot plot = Build(title, series, levels, height, xLabel, yLabel);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void Validate(string title, IReadOnlyList<LossSeries> series, IReadOnlyList<ReferenceLevel> levels, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (series.Count == 0)
        {
            throw new ArgumentException("A loss chart needs at least one series; none was given.", nameof(series));
        }

        for (int i = 0; i < series.Count; i++)
        {
            if (series[i] is null || series[i].Values is null)
            {
                throw new ArgumentException($"Loss series {i} is null or has no values list.", nameof(series));
            }
        }

        for (int i = 0; i < levels.Count; i++)
        {
            if (levels[i] is null)
            {
                throw new ArgumentException($"Reference level {i} is null.", nameof(levels));
            }
        }
    }

    private static Plot Build(
        string title, IReadOnlyList<LossSeries> series, IReadOnlyList<ReferenceLevel> levels, int height, string xLabel, string yLabel)
    {
        var plot = new Plot();
        try
        {
            var palette = new ScottPlot.Palettes.Category10();
            double lowLog = double.PositiveInfinity;
            double highLog = double.NegativeInfinity;
            int maxEpochs = 1;

            for (int i = 0; i < series.Count; i++)
            {
                (double[] xs, double[] ys) = ToLogPoints(series[i].Values);
                maxEpochs = Math.Max(maxEpochs, series[i].Values.Count);
                Color color = palette.GetColor(i);
                if (xs.Length == 0)
                {
                    // Nothing drawable (empty or entirely diverged); keep the curve's name in the legend.
                    var empty = plot.Add.ScatterLine(Array.Empty<double>(), Array.Empty<double>(), color);
                    empty.LegendText = $"{series[i].Label} (no finite values)";
                    continue;
                }

                foreach (double y in ys)
                {
                    lowLog = Math.Min(lowLog, y);
                    highLog = Math.Max(highLog, y);
                }

                var line = plot.Add.SignalXY(xs, ys, color);
                line.LegendText = series[i].Label ?? string.Empty;
                line.LineWidth = 1.5f;
                line.MarkerSize = xs.Length == 1 ? 6 : 0;
            }

            for (int i = 0; i < series.Count; i++)
            {
                if (series[i].DivergedAtEpoch is not int at)
                {
                    continue;
                }

                // A diverged run's last values are NaN/Inf and not drawn: the line says where it blew up.
                var mark = plot.Add.VerticalLine(at, width: 2, color: Colors.Red, pattern: LinePattern.Dotted);
                mark.LegendText = string.Create(CultureInfo.InvariantCulture, $"{series[i].Label}: diverged at epoch {at:N0}");
                // Room right of the mark, so it does not vanish into the frame when the curve ends there.
                maxEpochs = Math.Max(maxEpochs, (int)Math.Ceiling(at * 1.05) + 1);
            }

            for (int i = 0; i < levels.Count; i++)
            {
                double value = levels[i].Value;
                if (!double.IsFinite(value))
                {
                    continue;
                }

                double y = Math.Log10(Math.Max(value, FloorValue));
                lowLog = Math.Min(lowLog, y);
                highLog = Math.Max(highLog, y);
                var level = plot.Add.HorizontalLine(
                    y, width: 1.5f, color: ReferenceColors[i % ReferenceColors.Length], pattern: LinePattern.Dashed);
                level.LegendText = levels[i].Label ?? string.Empty;
            }

            if (double.IsInfinity(lowLog))
            {
                // Nothing finite anywhere: show a neutral range around 1.
                lowLog = -1;
                highLog = 1;
            }

            (double bottom, double top) = YRange(lowLog, highLog);
            plot.Axes.SetLimits(0, maxEpochs, bottom, top);
            plot.Axes.Left.TickGenerator = LogTicks(bottom, top, height);
            plot.Axes.Bottom.TickGenerator = new NumericAutomatic { IntegerTicksOnly = true };

            plot.Title(title);
            plot.XLabel(xLabel);
            plot.YLabel(yLabel);
            if (ChartOutput.SansFont.Value is string face)
            {
                // Font.Set pins one regular typeface on every label; title and axis labels get the bold one back.
                plot.Font.Set(face);
                var bold = Fonts.GetTypeface(face, bold: true, italic: false);
                plot.Axes.Title.Label.Font = bold;
                plot.Axes.Bottom.Label.Font = bold;
                plot.Axes.Left.Label.Font = bold;
            }

            plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
            plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
            plot.Grid.MinorLineWidth = 1;

            // Below the data area, so it can never cover a curve and the curves get the whole width
            // (on the right, long labels took a third of it, empty below the legend).
            plot.ShowLegend(Edge.Bottom);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    /// <summary>Epochs (from 1) and log10 of the values, skipping NaN/infinite values and clamping to the floor.</summary>
    private static (double[] Xs, double[] Ys) ToLogPoints(IReadOnlyList<double> values)
    {
        var xs = new List<double>(values.Count);
        var ys = new List<double>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            double value = values[i];
            if (!double.IsFinite(value))
            {
                continue;
            }

            xs.Add(i + 1);
            ys.Add(Math.Log10(Math.Max(value, FloorValue)));
        }

        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>Whole decades around the data with a little headroom, so no line sits on the frame.</summary>
    private static (double Bottom, double Top) YRange(double lowLog, double highLog)
    {
        double pad = Math.Max(0.05 * (highLog - lowLog), 0.2);
        double bottom = Math.Floor(lowLog - pad);
        double top = Math.Ceiling(highLog + pad);
        return (bottom, top);
    }

    /// <summary>
    /// Major ticks at powers of ten (every 1, 2, 5, 10, 20, 50, ... decades, as the height allows) labelled 1e-10
    /// style; minor ticks at 2..9 inside each decade when decades are tall enough, else at the skipped decades.
    /// </summary>
    private static NumericManual LogTicks(double bottom, double top, int height)
    {
        int first = (int)Math.Ceiling(bottom);
        int last = (int)Math.Floor(top);
        int decades = Math.Max(last - first, 1);
        double maxMajorTicks = Math.Max(2, (height - 120) / PixelsPerMajorTick);
        int step = DecadeStep(decades, maxMajorTicks);
        int minorStep = Math.Max(1, step / 5);
        double pixelsPerDecade = (height - 120.0) / decades;

        var ticks = new NumericManual();
        for (int exponent = first; exponent <= last; exponent++)
        {
            if (exponent % step == 0)
            {
                ticks.AddMajor(exponent, "1e" + exponent.ToString(CultureInfo.InvariantCulture));
            }
            else if (exponent % minorStep == 0)
            {
                ticks.AddMinor(exponent);
            }
        }

        if (step == 1 && pixelsPerDecade >= PixelsPerDecadeForMinorTicks)
        {
            for (int exponent = first - 1; exponent <= last; exponent++)
            {
                for (int multiple = 2; multiple <= 9; multiple++)
                {
                    double position = exponent + Math.Log10(multiple);
                    if (position > bottom && position < top)
                    {
                        ticks.AddMinor(position);
                    }
                }
            }
        }

        return ticks;
    }

    /// <summary>The smallest of 1, 2, 5, 10, 20, 50, ... decades that keeps the major tick count within the limit.</summary>
    private static int DecadeStep(int decades, double maxMajorTicks)
    {
        int[] mantissas = [1, 2, 5];
        for (int scale = 1; ; scale *= 10)
        {
            foreach (int mantissa in mantissas)
            {
                int step = mantissa * scale;
                if (decades / (double)step <= maxMajorTicks || step >= 1_000)
                {
                    return step;
                }
            }
        }
    }
}
