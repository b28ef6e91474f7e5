// Shared first cell of every notebook: `#load "setup.csx"`.
//
// It loads TorchFit from the Release build of the CLI (build it first: `dotnet build -c Release`,
// or run notebooks/run-all.sh, which does). That folder holds the patched copy of
// libLibTorchSharp.so (build/NativeFix: GLIBCXX_3.4.32 marked weak for Debian 12), so the kernel
// never touches the unpatched library in the NuGet cache. `#r "nuget: TorchSharp-cpu"` would load
// exactly that unpatched library, which is why the notebooks do not use it.
//
// It also registers the formatters that make charts (PNG) and tables (HTML + plain text) display
// inline, and a few number formats. Everything else the notebooks call is TorchFit's public API.

#r "../src/TorchFit.Cli/bin/Release/net10.0/TorchSharp.dll"
#r "../src/TorchFit.Cli/bin/Release/net10.0/TorchFit.dll"
#r "../src/TorchFit.Cli/bin/Release/net10.0/TorchFit.Plotting.dll"
#r "../src/TorchFit.Cli/bin/Release/net10.0/ScottPlot.dll"
#r "../src/TorchFit.Cli/bin/Release/net10.0/SkiaSharp.dll"
#r "../src/TorchFit.Cli/bin/Release/net10.0/HarfBuzzSharp.dll"

using System.Globalization;
using System.IO;
using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.DotNet.Interactive.Formatting;

// --- Native libraries -------------------------------------------------------------------------
// The managed DLLs above sit in the build folder; their native parts sit in runtimes/<rid>/native,
// where a script host does not look (an application finds them through its deps.json).
// LibTorchSharp is loaded by full path before TorchSharp's first use: the dynamic loader then knows
// it by its soname, and TorchSharp's own load of "LibTorchSharp" finds it, with libtorch_cpu and
// the rest resolved next to it (RUNPATH $ORIGIN). SkiaSharp and HarfBuzzSharp (ScottPlot's
// renderer) have versioned sonames, so they get a resolver that maps their names to those files.
static class NotebookNatives
{
    public static string BuildFolder { get; } = Path.GetDirectoryName(typeof(TorchFit.Problems.LinearProblem).Assembly.Location)!;

    public static string Folder { get; } = Path.Combine(BuildFolder, "runtimes", RuntimeId(), "native");

    private static string RuntimeId()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        return $"{os}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";
    }

    private static string FileName(string name) =>
        OperatingSystem.IsWindows() ? name + ".dll"
        : (name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name) + (OperatingSystem.IsMacOS() ? ".dylib" : ".so");

    private static bool _loaded;

    public static void Load()
    {
        if (_loaded) return;   // running the setup cell again in the same kernel
        string torchSharp = Path.Combine(Folder, FileName("LibTorchSharp"));
        if (!File.Exists(torchSharp))
            throw new FileNotFoundException($"{torchSharp} is missing: build the solution in Release first (dotnet build -c Release).", torchSharp);
        NativeLibrary.Load(torchSharp);
        DllImportResolver resolver = (name, _, _) =>
            NativeLibrary.TryLoad(Path.Combine(Folder, FileName(name)), out var handle) ? handle : IntPtr.Zero;
        NativeLibrary.SetDllImportResolver(typeof(SkiaSharp.SKColor).Assembly, resolver);
        NativeLibrary.SetDllImportResolver(typeof(HarfBuzzSharp.Buffer).Assembly, resolver);
        _loaded = true;
    }
}

NotebookNatives.Load();

// --- Display ----------------------------------------------------------------------------------
/// <summary>A PNG image; notebooks show it inline as an image/png output.</summary>
record Png(byte[] Bytes);

/// <summary>A table shown as HTML (notebook front ends, GitHub) with a plain-text fallback.</summary>
record Table(string[] Headers, IReadOnlyList<string[]> Rows)
{
    public string ToHtml()
    {
        var html = new System.Text.StringBuilder("<table>\n<thead><tr>");
        foreach (var h in Headers) html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            html.Append("</tr>\n");
        }
        return html.Append("</tbody>\n</table>").ToString();
    }

    public override string ToString()
    {
        var widths = Headers.Select((h, i) => Rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        return string.Join("\n", new[] { Line(Headers), string.Join("  ", widths.Select(w => new string('-', w))) }.Concat(Rows.Select(Line)));
    }
}

/// <summary>Builds a <see cref="Table"/> from rows of any values (formatted with <see cref="Cell"/>).</summary>
static Table MakeTable(string[] headers, IEnumerable<object?[]> rows) =>
    new(headers, rows.Select(r => r.Select(Cell).ToArray()).ToList());

static string Cell(object? value) => value switch
{
    null => "—",
    double d => Sci(d),
    int or long => string.Format(CultureInfo.InvariantCulture, "{0:N0}", value),
    _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
};

/// <summary>An MSE or any small number as the question prints it in spirit: 2.03e-04.</summary>
static string Sci(double value) =>
    double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf")
    : value.ToString("0.00e+00", CultureInfo.InvariantCulture);

/// <summary>A loss chart (log-scale y) from TorchFit.Plotting, rendered to PNG for inline display.</summary>
static Png Chart(string title, IReadOnlyList<TorchFit.Plotting.LossSeries> series, IReadOnlyList<TorchFit.Plotting.ReferenceLevel>? levels = null,
    string xLabel = "epoch", string yLabel = "MSE (log scale)", int width = 900, int height = 500) =>
    new(TorchFit.Plotting.LossCurveChart.RenderPng(title, series, levels ?? [], width, height, xLabel, yLabel));

// Plain text for everything by default (no HTML styling blocks in the committed outputs);
// PNG for images and ScottPlot plots; HTML and plain text for tables.
Formatter.DefaultMimeType = "text/plain";
Formatter.Register<Png>((png, writer) => writer.Write(Convert.ToBase64String(png.Bytes)), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(Png), "image/png");
Formatter.Register<ScottPlot.Plot>((plot, writer) => writer.Write(Convert.ToBase64String(plot.GetImageBytes(900, 500, ScottPlot.ImageFormat.Png))), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(ScottPlot.Plot), "image/png");
Formatter.Register<Table>((table, writer) => writer.Write(table.ToHtml()), "text/html");
Formatter.Register<Table>((table, writer) => writer.Write(table.ToString()), "text/plain");
Formatter.SetPreferredMimeTypesFor(typeof(Table), "text/html", "text/plain");

Console.WriteLine($"TorchFit {typeof(TorchFit.Problems.LinearProblem).Assembly.GetName().Version?.ToString(3)}, "
    + $"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)} (libtorch {TorchSharp.torch.__version__}), "
    + $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
