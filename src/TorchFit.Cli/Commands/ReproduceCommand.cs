using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Plotting;
using TorchFit.Prescriptions;
using TorchFit.Reproduction;
using TorchFit.Results;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit reproduce</c>: the question's experiment beside its reported figures.</summary>
internal sealed class ReproduceCommand(CliContext context) : Command<ReproduceSettings>
{
    public override int Execute(CommandContext commandContext, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        using var directory = settings.OpenOut("reproduce");
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(200, 300));
        var report = ProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
            progress => Reproducer.Reproduce(settings.Epochs, settings.Seed, settings.Device, settings.TrainingEngine, progress, context.Cancellation));

        var rows = report.Cases.Select(r => ToSummary(directory, r, report.Device)).ToList();
        if (report.Fix is { } fix)
            rows.Add(new RunCase
            {
                Name = SolveName(fix), N = 200, D = 300, Method = "solve", BatchSize = 200, Epochs = fix.EpochsRun, Nesterov = false,
                Dtype = fix.Dtype, Device = report.Device, Mse = fix.FinalMse, Seconds = fix.Seconds,
                Stop = fix.EpochsToTarget is null ? "not reached" : "reached 1e-10",
            });
        var summary = new RunSummary
        {
            Cases = rows, TorchSharpVersion = report.TorchSharpVersion, Device = report.Device, Seed = report.Seed, Threads = threads,
            TotalSeconds = report.Seconds, Why = report.Why,
        };
        directory.WriteSummary(summary);
        if (!settings.NoPlots)
        {
            var curves = LongestRuns(report);
            if (report.Fix is { } solved) curves.Add(new LossSeries($"200×300 fix (torchfit solve), {Numbers.Count(solved.EpochsRun)} epochs", solved.FullMse));
            bool drawn = ResultWriter.WriteLossCurves(directory, $"Keras question reproduced, and the fix: full-data MSE per epoch (seed {report.Seed}, float32, {report.Device})",
                curves, report.Cases.Where(r => r.Case.Method == CaseMethod.LeastSquares)
                    .Select(r => new ReferenceLevel($"{r.Case.Name} (MSE {Numbers.Mse(r.Mse)})", r.Mse)).ToList(), context.Cancellation);
            if (!drawn && report.Complete)
            {
                context.Error.WriteLine(ResultWriter.InterruptedWhileDrawing(directory.Path));
                return TorchFitApp.Cancelled;
            }
        }

        if (settings.Json) context.Output.WriteLine(ResultJson.Serialize(summary));
        else Show(report, settings.Epochs, directory.Path, !settings.NoPlots);
        if (report.Complete) return TorchFitApp.Success;
        context.Error.WriteLine($"torchfit: interrupted: {report.Cases.Count} of {QuestionCases.Create(settings.Epochs).Count} cases finished; their results are written.");
        return TorchFitApp.Cancelled;
    }

    private static RunCase ToSummary(ResultDirectory directory, CaseResult r, string device)
    {
        var c = r.Case;
        var row = new RunCase
        {
            Name = c.Name, N = c.Rows, D = c.Columns, Method = "lstsq", Dtype = r.Dtype, Device = device, Mse = r.Mse,
            SolutionNorm = r.SolutionNorm, Seconds = r.Seconds, ReportedMse = c.ReportedMse, ReportedBy = c.ReportedBy,
        };
        if (c.Method != CaseMethod.Sgd) return row;
        return row with
        {
            Method = "sgd", BatchSize = c.BatchSize, Epochs = c.Epochs, LearningRate = c.LearningRate, Momentum = c.Momentum, Nesterov = false,
            HistoryFile = directory.WriteHistory(c.Name, r.HistoryLoss, r.FullMseHistory, null),
        };
    }

    /// <summary>One curve per SGD run: a case that a longer one continues is its prefix.</summary>
    private static List<LossSeries> LongestRuns(ReproductionReport report) =>
        report.Cases.Where(r => r.Case.Method == CaseMethod.Sgd)
            .GroupBy(r => (r.Case.Rows, r.Case.Columns, r.Case.BatchSize, r.Case.LearningRate, r.Case.Momentum))
            .Select(g => g.MaxBy(r => r.Case.Epochs)!)
            .Select(r => new LossSeries($"{r.Case.Rows}×{r.Case.Columns} SGD lr {r.Case.LearningRate}, batch {r.Case.BatchSize}", r.FullMseHistory))
            .ToList();

    private static string SolveName(SolveRow solved) =>
        $"200×300 torchfit solve ({solved.Name[Solver.PrescribedPrefix.Length..]}), {Numbers.Count(solved.EpochsRun)} epochs";

    private void Show(ReproductionReport report, int epochs, string directory, bool plots)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title("Keras fails to find solution to linear convex problem: reproduced")
            .AddColumn("case").AddColumn(Numbers.Column("TorchFit MSE"))
            .AddColumn(Numbers.Column("question's MSE")).AddColumn("reported by")
            .AddColumn(Numbers.Column("seconds"));
        foreach (var r in report.Cases)
            table.AddRow(Markup.Escape(r.Case.Name), Numbers.Mse(r.Mse), Numbers.Mse(r.Case.ReportedMse), Markup.Escape(r.Case.ReportedBy), Numbers.Seconds(r.Seconds));
        if (report.Fix is { } solved)
            table.AddRow(Markup.Escape(SolveName(solved)), Numbers.Mse(solved.FinalMse), "—", "TorchFit's fix", Numbers.Seconds(solved.Seconds));
        Numbers.Write(context.Console, table);
        context.Console.MarkupLine(Markup.Escape(
            $"Problems: A, b uniform in [0, 1) from NumPy seed {report.Seed}; SGD in float32 with glorot init and per-epoch shuffles on {report.Device}; "
            + $"MSE = ‖A·x − b‖²/n in float64. The {Numbers.Count(2L * epochs)}-epoch row continues the {Numbers.Count(epochs)}-epoch run, as the answer did. Total {Numbers.Seconds(report.Seconds)} s."));
        context.Console.MarkupLine("[bold]Why 200×300 full batch stalls[/] (torchfit diagnose --batch-size 200 for the full analysis)");
        foreach (var line in report.Why) context.Console.MarkupLine("  • " + Markup.Escape(line));
        context.Console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(directory, SummaryFiles.JsonName)}, summary.csv, {(plots ? "loss-curves.png/.svg, " : "")}and one history CSV per SGD case."));
    }
}
