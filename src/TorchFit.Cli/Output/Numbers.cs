using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace TorchFit.Cli.Output;

/// <summary>How numbers are printed: invariant culture, MSEs in compact scientific notation.</summary>
internal static class Numbers
{
    /// <summary>1.93e-10 style; "NaN"/"Inf" as such.</summary>
    public static string Mse(double value) =>
        double.IsFinite(value) ? value.ToString("0.00e+00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds with two decimals.</summary>
    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Round-trippable invariant text for CSV.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A right-aligned table column of numbers, kept whole by <see cref="Write"/>.</summary>
    public static TableColumn Column(string header) => new TableColumn(header).RightAligned().NoWrap();

    /// <summary>
    /// Writes <paramref name="table"/>. When it is wider than the console, each <see cref="Column"/> is
    /// made exactly as wide as its widest cell (its header wraps between words), so the words of the
    /// other columns wrap and no number is split: Spectre shrinks every column alike, and "0.999901"
    /// became "0.99990" over "1" at 80 columns.
    /// </summary>
    public static void Write(IAnsiConsole console, Table table)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        if (((IRenderable)table).Measure(options, int.MaxValue).Max > console.Profile.Width)
        {
            for (int i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                if (!column.NoWrap) continue;
                int widest = table.Rows.Select(row => row[i].Measure(options, int.MaxValue).Max).DefaultIfEmpty(0).Max();
                column.Width = Math.Max(widest, column.Header.Measure(options, int.MaxValue).Min);
            }
        }
        console.Write(table);
    }

    /// <summary>Invariant text of an integer with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
