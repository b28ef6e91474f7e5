using Spectre.Console.Cli;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Diagnostics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Results;
using TorchFit.Plotting;
using TorchFit.Training;
using Spectre.Console;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit diagnose</c>: the spectrum of A and what it predicts for the given settings.</summary>
internal sealed class DiagnoseCommand(CliContext context) : Command<DiagnoseSettings>
{
    public override int Execute(CommandContext commandContext, DiagnoseSettings settings, CancellationToken cancellationToken)
    {
        var problem = settings.CreateProblem();
        var options = settings.ToOptions();
        problem.EnsureUsable(options.Precision);
        ProblemMemory.EnsureFits(problem, ProblemWork.Decomposition);
        // Checked after the input (a bad input leaves nothing behind), before any work.
        using var directory = settings.OpenOut("diagnose");
        IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var diagnosis = LongCall.Run(context, settings.Json, "diagnose: the SVD and lstsq", problem.Rows, problem.Columns, svd: true, leastSquares: true,
            () => Diagnoser.Diagnose(problem, options, settings.Target));
        var spectrum = diagnosis.Spectrum.SingularValues.Where(s => s > 0).ToArray();
        foreach (var extension in settings.NoPlots ? [] : new[] { "png", "svg" })
            LossCurveChart.Save(directory.PathFor($"spectrum.{extension}"), $"Singular values of A ({problem.Name}): κ(H) = {diagnosis.Spectrum.Kappa:N0}",
                [new LossSeries("σᵢ, largest first", spectrum)], [], xLabel: "index i", yLabel: "σᵢ (log scale)");

        PredictionCheck? check = null;
        if (settings.Verify)
        {
            string name = $"measured: lr {options.LearningRate}, batch {options.BatchSize}, {options.Precision.ToName()}";
            check = ProgressDisplay.Run(context.Console, context.LiveProgress(settings.Json), context.PlainProgress(settings.Json),
                progress => PredictionVerifier.Verify(problem, options, NamedProgress.For(name, progress), context.Cancellation));
            foreach (var extension in settings.NoPlots ? [] : new[] { "png", "svg" })
                LossCurveChart.Save(directory.PathFor($"predicted-vs-measured.{extension}"),
                    $"Predicted vs measured full-data MSE (largest relative gap {Numbers.Mse(check.LargestRelativeGap)})",
                    [new LossSeries(check.Exact ? "predicted (exact GD recursion on the SVD)" : "predicted (as full-batch steps)", check.Predicted),
                     new LossSeries(name, check.Measured)], []);
        }
        var document = new DiagnoseDocument(diagnosis, check is null ? null
            : new VerificationSummary(check.Measured.Length, check.LargestRelativeGap, check.Exact, check.Predicted.LastOrDefault(), check.Measured.LastOrDefault()));
        string written = directory.WriteJson("diagnosis.json", document);
        if (settings.Json) context.Output.WriteLine(ResultJson.Serialize(document));
        else
        {
            DiagnosisView.Show(context.Console, diagnosis);
            if (document.Verification is { } v)
                context.Console.MarkupLine(Markup.Escape($"Verified over {Numbers.Count(v.Epochs)} epochs: predicted final MSE {Numbers.Mse(v.PredictedFinalMse)}, measured {Numbers.Mse(v.MeasuredFinalMse)}, largest relative gap {Numbers.Mse(v.LargestRelativeGap)}"
                    + (v.Exact ? "." : " (mini-batch: predicted as full-batch steps, an approximation).")));
            context.Console.MarkupLine(Markup.Escape($"Wrote {written}"
                + (settings.NoPlots ? "." : ", spectrum.png/.svg" + (check is null ? "." : " and predicted-vs-measured.png/.svg."))));
        }
        return context.Cancellation.IsCancellationRequested ? TorchFitApp.Cancelled : TorchFitApp.Success;
    }
}
