using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Diagnostics;
using TorchFit.Problems.Files;
using TorchFit.Results;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit problem info</c>: shape, stored dtype, ranges, rank and condition number of a problem file.</summary>
internal sealed class ProblemInfoCommand(CliContext context) : Command<ProblemInfoSettings>
{
    public override int Execute(CommandContext commandContext, ProblemInfoSettings settings, CancellationToken cancellationToken)
    {
        var loaded = settings.Load();
        IntraOpThreads.Apply(IntraOpThreads.Choose(loaded.Problem.Rows, loaded.Problem.Columns));
        var summary = ProblemSummary.Of(loaded);
        if (settings.Json)
        {
            context.Output.WriteLine(ResultJson.Serialize(summary));
            return TorchFitApp.Success;
        }
        int n = summary.Rows, d = summary.Columns;
        string kind = n < d ? "under-determined (n < d): exact solutions form a family; lstsq returns the one of least norm"
            : n > d ? "over-determined (n > d): in general no exact solution; lstsq minimises the residual"
            : "square";
        foreach (string line in new[]
        {
            $"{summary.Source} ({summary.Format}): {n}×{d}, {kind}.",
            $"  A: stored {Stored(summary.A)}; values in [{G(summary.A.Min)}, {G(summary.A.Max)}]; {Size(summary.MatrixMebibytes)} in float64.",
            $"  b: stored {Stored(summary.B)}; values in [{G(summary.B.Min)}, {G(summary.B.Max)}].",
            $"  rank {summary.Rank} of min(n, d) = {Math.Min(n, d)}; σ_max {G(summary.SingularValueMax)}, σ_min {G(summary.SingularValueMin)}; "
                + $"condition number {G(summary.ConditionNumber)} (np.linalg.cond).",
        })
            context.Console.MarkupLine(Markup.Escape(line));
        return TorchFitApp.Success;
    }

    /// <summary>"48 bytes", "469 KiB", "183.11 MiB": a 2×3 matrix is not "0 MiB".</summary>
    internal static string Size(double mebibytes)
    {
        double bytes = mebibytes * 1024 * 1024;
        return bytes < 1024 ? F($"{bytes:0} bytes") : bytes < 1024 * 1024 ? F($"{bytes / 1024:0.##} KiB") : F($"{mebibytes:0.##} MiB");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Stored(ArraySummary array) =>
        $"{array.Dtype} shape {NpyShape(array.Shape)}" + (array.FortranOrder ? ", Fortran order" : "");

    private static string NpyShape(IReadOnlyList<long> shape) =>
        shape.Count == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";

    private static string G(double value) => double.IsPositiveInfinity(value) ? "∞" : value.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
