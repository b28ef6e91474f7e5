using TorchFit.Plotting;
using TorchFit.Results;

namespace TorchFit.Cli.Output;

/// <summary>The plots a single-run verb adds to its result directory (the library's store writes the data files).</summary>
internal static class ResultWriter
{
    /// <summary>loss-curves.png and loss-curves.svg.</summary>
    public static void WriteLossCurves(ResultDirectory directory, string title, IReadOnlyList<LossSeries> series, IReadOnlyList<ReferenceLevel> levels)
    {
        if (series.Count == 0) return;
        LossCurveChart.Save(directory.PathFor("loss-curves.png"), title, series, levels);
        LossCurveChart.Save(directory.PathFor("loss-curves.svg"), title, series, levels);
    }
}
