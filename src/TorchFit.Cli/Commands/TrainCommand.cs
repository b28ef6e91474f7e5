using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Plotting;
using TorchFit.Training;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit train</c>: one Keras-style SGD run.</summary>
internal sealed class TrainCommand(CliContext context) : Command<TrainSettings>
{
    public override int Execute(CommandContext commandContext, TrainSettings settings, CancellationToken cancellationToken)
    {
        string directory = settings.Out ?? Path.Combine("results", "train");
        var problem = settings.CreateProblem();
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var options = settings.ToOptions();
        problem.EnsureUsable(options.Precision);
        ProblemMemory.EnsureFits(problem, ProblemWork.Training);
        string momentum = options.Momentum > 0 ? $", momentum {options.Momentum}{(options.Nesterov ? " Nesterov" : "")}" : "";
        string name = $"{problem.Rows}×{problem.Columns} SGD lr {options.LearningRate}{momentum}, batch {options.BatchSize}, {Numbers.Count(options.Epochs)} epochs";
        var result = ProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
            progress => Trainer.Train(problem, options, new NamedProgress(name, progress), context.Cancellation));

        string history = ResultWriter.WriteHistory(directory, name, result.HistoryLoss, result.FullMse, result.EpochEndSeconds);
        var row = new SummaryCase(name, problem.Rows, problem.Columns, "sgd", options.BatchSize, options.Epochs, options.LearningRate,
            options.Momentum, options.Nesterov, options.Precision.ToName(), result.Device, result.FinalMse,
            Math.Sqrt(result.Weights.Sum(w => w * w)), result.Seconds, result.Stop.ToString().ToLowerInvariant(), result.DivergedAtEpoch,
            null, null, history);
        var summary = new SummaryDocument([row], BuildInfo.TorchSharpVersion, BuildInfo.TorchFitVersion, result.Device, settings.Seed, threads,
            result.Seconds, DateTimeOffset.Now);
        ResultWriter.WriteSummary(directory, summary);
        if (!settings.NoPlots)
            ResultWriter.WriteLossCurves(directory, $"{name} ({options.Precision.ToName()}, {result.Device})",
                [new LossSeries(name, result.FullMse, result.DivergedAtEpoch)], []);

        if (settings.Json) context.Output.WriteLine(ResultWriter.ToJson(summary));
        else Show(result, name, directory, !settings.NoPlots);
        if (result.Stop == TrainingStop.Diverged) return TorchFitApp.Diverged;
        if (result.Stop != TrainingStop.Cancelled) return TorchFitApp.Success;
        context.Error.WriteLine($"torchfit: interrupted after {result.EpochsCompleted} of {options.Epochs} epochs; those epochs are written.");
        return TorchFitApp.Cancelled;
    }

    private void Show(TrainingResult result, string name, string directory, bool plots)
    {
        context.Console.MarkupLine(Markup.Escape($"{name}: MSE {Numbers.Mse(result.InitialMse)} → {Numbers.Mse(result.FinalMse)} "
            + $"(Keras History loss {Numbers.Mse(result.HistoryLoss.LastOrDefault(double.NaN))}) in {Numbers.Seconds(result.Seconds)} s on {result.Device}."));
        if (result.Stop == TrainingStop.Diverged)
            context.Console.MarkupLine(Markup.Escape($"Diverged at epoch {result.DivergedAtEpoch}: the MSE grew past {result.Options.DivergenceFactor:0e0}× its start or became NaN/Inf. "
                + $"The learning rate is above this problem's stability limit for this batch size; lower --lr. Exit code {TorchFitApp.Diverged}."));
        context.Console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(directory, "summary.json")}, summary.csv, {(plots ? "loss-curves.png/.svg " : "")}and {Path.Combine(directory, ResultWriter.Slug(name) + ".csv")}."));
    }
}
