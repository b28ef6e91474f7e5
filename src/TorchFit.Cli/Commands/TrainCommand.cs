using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Problems.Files;
using TorchFit.Plotting;
using TorchFit.Results;
using TorchFit.Training;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit train</c>: one Keras-style run with any of the optimizers.</summary>
internal sealed class TrainCommand(CliContext context) : Command<TrainSettings>
{
    /// <summary>The weights the run started from, as np.savez writes Keras' get_weights().</summary>
    public const string InitialWeightsFile = "initial-weights.npz";

    /// <summary>The weights the run ended with.</summary>
    public const string WeightsFile = "weights.npz";

    public override int Execute(CommandContext commandContext, TrainSettings settings, CancellationToken cancellationToken)
    {
        var problem = settings.CreateProblem();
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var options = settings.WithInitialWeights(settings.ToOptions(), problem.Columns);
        problem.EnsureUsable(options.Precision);
        ProblemMemory.EnsureFits(problem, ProblemWork.Training);
        // Checked after the input (a bad input leaves nothing behind), before any work.
        using var directory = settings.OpenOut("train");
        string bias = options.UseBias ? ", with bias" : "";
        string name = $"{problem.Rows}×{problem.Columns} {OptimizerText.Describe(options)}, batch {options.BatchSize}{bias}, {Numbers.Count(options.Epochs)} epochs";
        var result = ProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
            progress => Trainer.Train(problem, options, new NamedProgress(name, progress), context.Cancellation));

        string history = directory.WriteHistory(name, result.HistoryLoss, result.FullMse, result.EpochEndSeconds);
        var row = new RunCase
        {
            Name = name, N = problem.Rows, D = problem.Columns, Method = HyperParameters.Name(options.Optimizer), BatchSize = options.BatchSize, Epochs = options.Epochs,
            LearningRate = options.LearningRate, Momentum = options.Momentum, Nesterov = options.Nesterov, Dtype = options.Precision.ToName(),
            Device = result.Device, Mse = result.FinalMse, SolutionNorm = Math.Sqrt(result.Weights.Sum(w => w * w)), Seconds = result.Seconds,
            Stop = result.Stop.ToString().ToLowerInvariant(), DivergedAtEpoch = result.DivergedAtEpoch, HistoryFile = history,
            Semantics = EnumChoice.Name(options.Semantics), Bias = result.Bias,
        };
        var summary = new RunSummary { Cases = [row], Device = result.Device, Seed = settings.Seed, Threads = threads, TotalSeconds = result.Seconds };
        directory.WriteSummary(summary);
        // As Keras' get_weights, in the training dtype: where the run started and where it ended.
        KerasWeights.Write(directory.PathFor(InitialWeightsFile), new KerasWeights(result.InitialWeights, result.InitialBias), options.Precision);
        KerasWeights.Write(directory.PathFor(WeightsFile), new KerasWeights(result.Weights, result.Bias), options.Precision);
        if (!settings.NoPlots && !ResultWriter.WriteLossCurves(directory, $"{name} ({options.Precision.ToName()}, {result.Device})",
                [new LossSeries(name, result.FullMse, result.DivergedAtEpoch)], [], context.Cancellation))
        {
            context.Error.WriteLine(ResultWriter.InterruptedWhileDrawing(directory.Path));
            return TorchFitApp.Cancelled;
        }

        if (settings.Json) context.Output.WriteLine(ResultJson.Serialize(summary));
        else Show(result, name, directory.Path, history, !settings.NoPlots);
        if (result.Stop == TrainingStop.Diverged) return TorchFitApp.Diverged;
        if (result.Stop != TrainingStop.Cancelled) return TorchFitApp.Success;
        context.Error.WriteLine($"torchfit: interrupted after {result.EpochsCompleted} of {options.Epochs} epochs; those epochs are written.");
        return TorchFitApp.Cancelled;
    }

    private void Show(TrainingResult result, string name, string directory, string history, bool plots)
    {
        string bias = result.Bias is double b ? $", bias {b:G6}" : "";
        context.Console.MarkupLine(Markup.Escape($"{name}: MSE {Numbers.Mse(result.InitialMse)} → {Numbers.Mse(result.FinalMse)} "
            + $"(Keras History loss {Numbers.Mse(result.HistoryLoss.LastOrDefault(double.NaN))}){bias} in {Numbers.Seconds(result.Seconds)} s on {result.Device}."));
        if (result.Stop == TrainingStop.Diverged)
        {
            string went = result.Options.OnDivergence == DivergencePolicy.Continue ? $" Trained on to epoch {result.EpochsCompleted}, as Keras does (--on-divergence continue)." : "";
            string advice = result.Options.Optimizer == OptimizerKind.Sgd
                ? "The learning rate is above this problem's stability limit for this batch size; lower --lr."
                : "Lower --lr.";
            context.Console.MarkupLine(Markup.Escape($"Diverged at epoch {result.DivergedAtEpoch}: the MSE grew past {result.Options.DivergenceFactor:0e0}× its start or became NaN/Inf.{went} "
                + $"{advice} Exit code {TorchFitApp.Diverged}."));
        }
        context.Console.MarkupLine(Markup.Escape($"Wrote {Path.Combine(directory, "summary.json")}, summary.csv, {InitialWeightsFile}, {WeightsFile}, "
            + $"{(plots ? "loss-curves.png/.svg " : "")}and {Path.Combine(directory, history)}."));
    }
}
