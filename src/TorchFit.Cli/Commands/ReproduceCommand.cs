using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Diagnostics;
using TorchFit.Problems;
using TorchFit.Training;
using TorchFit.Plotting;
using TorchFit.Prescriptions;
using TorchFit.Reproduction;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit reproduce</c>: the question's experiment beside its reported figures.</summary>
internal sealed class ReproduceCommand(CliContext context) : Command<ReproduceSettings>
{
    public override int Execute(CommandContext commandContext, ReproduceSettings settings, CancellationToken cancellationToken)
    {
        string directory = settings.Out ?? Path.Combine("results", "reproduce");
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(200, 300));
        var cases = QuestionCases.Create(settings.Epochs);
        var report = ProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
            progress => Reproducer.Run(cases, settings.Seed, settings.Device, progress, settings.TrainingEngine, context.Cancellation));

        // The why: the question's full-batch settings on its 200×300 problem, from the spectrum.
        var why = Diagnoser.Diagnose(ProblemGenerator.Uniform(200, 300, settings.Seed),
            new TrainingOptions { LearningRate = QuestionCases.LearningRate, BatchSize = 200, Epochs = settings.Epochs, Seed = settings.Seed }).Explanation;
        // And the fix: what torchfit solve prescribes for the same problem, measured.
        var solved = report.Cases.Count == cases.Count
            ? Solver.Solve(ProblemGenerator.Uniform(200, 300, settings.Seed),
                new SolveOptions { ComparisonEpochs = 0, LbfgsEpochs = 0, Seed = settings.Seed, Device = settings.Device, Engine = settings.TrainingEngine },
                null, context.Cancellation).Rows[0]
            : null;
        var rows = report.Cases.Select(r => ToSummary(directory, r, report.Device)).ToList();
        if (solved is not null)
            rows.Add(new SummaryCase(SolveName(solved), 200, 300, "solve", 200, solved.EpochsRun, null, null, false, solved.Dtype, report.Device,
                solved.FinalMse, null, solved.Seconds, solved.EpochsToTarget is null ? "not reached" : "reached 1e-10", null, null, null, null));
        var summary = new SummaryDocument(rows, report.TorchSharpVersion, BuildInfo.TorchFitVersion, report.Device, report.Seed, threads,
            report.Seconds, DateTimeOffset.Now, why);
        ResultWriter.WriteSummary(directory, summary);
        if (!settings.NoPlots)
        {
            var curves = LongestRuns(report);
            if (solved is not null) curves.Add(new LossSeries($"200×300 fix (torchfit solve), {Numbers.Count(solved.EpochsRun)} epochs", solved.FullMse));
            ResultWriter.WriteLossCurves(directory, $"Keras question reproduced, and the fix: full-data MSE per epoch (seed {report.Seed}, float32, {report.Device})",
                curves, report.Cases.Where(r => r.Case.Method == CaseMethod.LeastSquares)
                    .Select(r => new ReferenceLevel($"{r.Case.Name} (MSE {Numbers.Mse(r.Mse)})", r.Mse)).ToList());
        }

        if (settings.Json) context.Output.WriteLine(ResultWriter.ToJson(summary));
        else Show(report, settings.Epochs, directory, why, solved, !settings.NoPlots);
        if (report.Cases.Count == cases.Count) return TorchFitApp.Success;
        context.Error.WriteLine($"torchfit: interrupted: {report.Cases.Count} of {cases.Count} cases finished; their results are written.");
        return TorchFitApp.Cancelled;
    }

    private static SummaryCase ToSummary(string directory, CaseResult r, string device)
    {
        var c = r.Case;
        bool sgd = c.Method == CaseMethod.Sgd;
        string? history = sgd ? ResultWriter.WriteHistory(directory, c.Name, r.HistoryLoss, r.FullMseHistory, null) : null;
        return new SummaryCase(c.Name, c.Rows, c.Columns, sgd ? "sgd" : "lstsq",
            sgd ? c.BatchSize : null, sgd ? c.Epochs : null, sgd ? c.LearningRate : null, sgd ? c.Momentum : null, sgd ? false : null,
            r.Dtype, device, r.Mse, r.SolutionNorm, r.Seconds, null, null, c.ReportedMse, c.ReportedBy, history);
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

    private void Show(ReproductionReport report, int epochs, string directory, IReadOnlyList<string> why, SolveRow? solved, bool plots)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title("Keras fails to find solution to linear convex problem: reproduced")
            .AddColumn("case").AddColumn(Numbers.Column("TorchFit MSE"))
            .AddColumn(Numbers.Column("question's MSE")).AddColumn("reported by")
            .AddColumn(Numbers.Column("seconds"));
        foreach (var r in report.Cases)
            table.AddRow(Markup.Escape(r.Case.Name), Numbers.Mse(r.Mse), Numbers.Mse(r.Case.ReportedMse), Markup.Escape(r.Case.ReportedBy), Numbers.Seconds(r.Seconds));
        if (solved is not null)
            table.AddRow(Markup.Escape(SolveName(solved)), Numbers.Mse(solved.FinalMse), "—", "TorchFit's fix", Numbers.Seconds(solved.Seconds));
        Numbers.Write(context.Console, table);
        context.Console.MarkupLine(Markup.Escape(
            $"Problems: A, b uniform in [0, 1) from NumPy seed {report.Seed}; SGD in float32 with glorot init and per-epoch shuffles on {report.Device}; "
            + $"MSE = ‖A·x − b‖²/n in float64. The {Numbers.Count(2L * epochs)}-epoch row continues the {Numbers.Count(epochs)}-epoch run, as the answer did. Total {Numbers.Seconds(report.Seconds)} s."));
        context.Console.MarkupLine("[bold]Why 200×300 full batch stalls[/] (torchfit diagnose --batch-size 200 for the full analysis)");
        foreach (var line in why) context.Console.MarkupLine("  • " + Markup.Escape(line));
        context.Console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(directory, "summary.json")}, summary.csv, {(plots ? "loss-curves.png/.svg, " : "")}and one history CSV per SGD case."));
    }
}
