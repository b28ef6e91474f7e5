using TorchFit.Plotting;
using TorchFit.Results;

namespace TorchFit.Cli.Output;

/// <summary>The plots a single-run verb adds to its result directory (the library's store writes the data files).</summary>
internal static class ResultWriter
{
    /// <summary>
    /// loss-curves.png and loss-curves.svg; false when a signal (Ctrl+C, SIGTERM) stopped the drawing before a file.
    /// Each file is written whole or not at all, like every result file.
    /// </summary>
    public static bool WriteLossCurves(ResultDirectory directory, string title, IReadOnlyList<LossSeries> series, IReadOnlyList<ReferenceLevel> levels,
        CancellationToken cancellationToken)
    {
        foreach (string name in series.Count == 0 ? [] : new[] { "loss-curves.png", "loss-curves.svg" })
        {
            if (cancellationToken.IsCancellationRequested) return false;
            LossCurveChart.Save(directory.PathFor(name), title, series, levels);
        }
        return true;
    }

    /// <summary>The line a verb prints when a signal stopped its plots: the data files are whole.</summary>
    public static string InterruptedWhileDrawing(string directory) =>
        $"torchfit: interrupted while drawing the plots; the result files in {directory} are whole (run again for the plots).";
}
