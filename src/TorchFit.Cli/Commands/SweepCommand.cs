using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Plotting;
using TorchFit.Results;
using TorchFit.Sweeps;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit sweep</c>: a batch-size × learning-rate grid, resumable, with results and plots.</summary>
internal sealed class SweepCommand(CliContext context) : Command<SweepSettings>
{
    /// <summary>Grids above this many configurations get a warning before they start.</summary>
    internal const int LargeGrid = 100_000;

    public override int Execute(CommandContext commandContext, SweepSettings settings, CancellationToken cancellationToken)
    {
        var grid = settings.ToGrid(commandContext.Arguments);
        var shard = settings.ParsedShard;
        var problem = settings.CreateProblem();
        foreach (var precision in grid.Precisions) problem.EnsureUsable(precision);
        ProblemMemory.EnsureFits(problem, ProblemWork.Decomposition);
        // Checked after the input (a bad input leaves nothing behind), before any work.
        using var output = settings.OpenOut("sweep", Path.Combine("results", $"sweep-{DateTime.Now:yyyyMMdd-HHmmss}"));
        string directory = output.Path;
        var all = grid.Configurations();
        int configurations = shard?.Select(all).Count ?? all.Count;
        if (configurations > LargeGrid)
            context.Error.WriteLine($"torchfit: warning: {configurations:N0} configurations to train ({grid.Epochs:N0} epochs each), "
                + $"{configurations:N0} history files in {Path.Combine(directory, "histories")}; split it with --shard or narrow --batch-sizes/--lrs if that is not meant.");
        if (SweepSettings.LearningRateNote(grid) is { } note) context.Error.WriteLine($"torchfit: note: {note}");
        IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var options = new SweepRunOptions { Directory = directory, Device = settings.Device, Engine = settings.TrainingEngine, Shard = shard, Threads = settings.Threads };
        var outcome = CommonSettings.ExplainOccupied(() => SweepProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
            progress => SweepRunner.Run(problem, grid, options, progress, context.Cancellation)));
        var store = new SweepStore(directory);
        // --no-plots, or interrupted (the run that finishes draws them): no plots. A signal while drawing stops there; the results are whole.
        IReadOnlyList<string> plots = [];
        try
        {
            if (!outcome.Cancelled && !settings.NoPlots) plots = SweepPlots.Write(store, outcome.Manifest, outcome.Rows, context.Cancellation);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine($"torchfit: interrupted while drawing the plots; all {outcome.Rows.Count} configurations are written in {directory}. Run torchfit plot {directory} to draw them.");
            return TorchFitApp.Cancelled;
        }

        if (settings.Json)
            context.Output.WriteLine(JsonSerializer.Serialize(new SweepDocument(outcome.Manifest, outcome.Rows, outcome.Skipped, outcome.Trained,
                outcome.Cancelled, outcome.Seconds, [.. plots.Select(p => Path.GetRelativePath(directory, p))]), ResultJson.Options));
        else
        {
            SweepView.Show(context.Console, outcome.Manifest, outcome.Rows);
            if (outcome.Skipped > 0)
                context.Console.MarkupLine(Markup.Escape($"Skipped {outcome.Skipped} configurations already finished in {directory}."));
            string wrote = outcome.Rows.Count == 0 ? $"Nothing finished, so only {Path.Combine(directory, "manifest.json")} is written."
                : $"Wrote {store.ResultsCsvPath}, results.json, manifest.json, histories/"
                    + (plots.Count > 0 ? $" and {plots.Count} plots in {Path.Combine(directory, "plots")}." : ".");
            context.Console.MarkupLine(Markup.Escape($"Trained {outcome.Trained} configurations in {Numbers.Seconds(outcome.Seconds)} s. {wrote}"));
        }
        if (!outcome.Cancelled) return TorchFitApp.Success;
        context.Error.WriteLine($"torchfit: interrupted; {outcome.Rows.Count} of {outcome.Manifest.Configurations} configurations are written in {directory}. Run the same command with --out {directory} to finish.");
        return TorchFitApp.Cancelled;
    }
}

/// <summary>What <c>torchfit sweep --json</c> prints.</summary>
internal sealed record SweepDocument(SweepManifest Manifest, IReadOnlyList<SweepRow> Rows, int Skipped, int Trained, bool Cancelled, double Seconds, IReadOnlyList<string> Plots);
