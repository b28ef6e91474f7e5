using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Plotting;
using TorchFit.Problems;
using TorchFit.Prescriptions;
using TorchFit.Results;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit solve</c>: settings chosen from the spectrum, proven by training.</summary>
internal sealed class SolveCommand(CliContext context) : Command<SolveSettings>
{
    public override int Execute(CommandContext commandContext, SolveSettings settings, CancellationToken cancellationToken)
    {
        var problem = settings.CreateProblem();
        IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var options = settings.ToOptions();
        problem.EnsureUsable(options.Precision);
        ProblemMemory.EnsureFits(problem, ProblemWork.Solving);
        // Checked after the input (a bad input leaves nothing behind), before any work.
        using var directory = settings.OpenOut("solve");
        var report = ProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
            progress => Solver.Solve(problem, options, progress, context.Cancellation));
        string written = directory.WriteJson("solve.json", report);
        if (!settings.NoPlots)
        {
            // Each row's full-data MSE per epoch, down to the target line.
            foreach (var extension in new[] { "png", "svg" })
                LossCurveChart.Save(directory.PathFor($"solve.{extension}"), $"Reaching MSE ≤ {Numbers.Mse(report.Target)} in {report.Dtype} ({report.ProblemName})",
                    [.. report.Rows.Select(r => new LossSeries(r.Name, r.FullMse))], [new ReferenceLevel($"target {Numbers.Mse(report.Target)}", report.Target)]);
        }
        if (settings.Json) context.Output.WriteLine(ResultJson.Serialize(report));
        else Show(report, written, !settings.NoPlots);
        if (context.Cancellation.IsCancellationRequested)
        {
            context.Error.WriteLine("torchfit: interrupted; the runs so far are in the report.");
            return TorchFitApp.Cancelled;
        }
        return TorchFitApp.Success;
    }

    private void Show(SolveReport report, string written, bool plots)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Reaching MSE ≤ {Numbers.Mse(report.Target)} in {report.Dtype} ({report.ProblemName})"))
            .AddColumn("run").AddColumn(Numbers.Column("predicted epochs")).AddColumn(Numbers.Column("measured epochs"))
            .AddColumn(Numbers.Column("final MSE")).AddColumn(Numbers.Column("best MSE"))
            .AddColumn(Numbers.Column("seconds"));
        foreach (var row in report.Rows)
            table.AddRow(Markup.Escape(row.Name), row.PredictedEpochs is long p ? Numbers.Count(p) : "—",
                row.EpochsToTarget is int e ? Numbers.Count(e) : $"not reached in {Numbers.Count(row.EpochsRun)}",
                Numbers.Mse(row.FinalMse), Numbers.Mse(row.BestMse), Numbers.Seconds(row.Seconds));
        Numbers.Write(context.Console, table);
        foreach (var row in report.Rows) context.Console.MarkupLine(Markup.Escape($"  {row.Name}: {row.Description}."));
        foreach (var note in report.Notes) context.Console.MarkupLine("  • " + Markup.Escape(note));
        context.Console.MarkupLine(Markup.Escape($"Wrote {written}{(plots ? " and solve.png/.svg" : "")}."));
    }
}
