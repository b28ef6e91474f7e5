using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Baselines;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Results;
using TorchFit.Training;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit lstsq</c>: the closed-form baseline for one problem.</summary>
internal sealed class LstsqCommand(CliContext context) : Command<LstsqSettings>
{
    public override int Execute(CommandContext commandContext, LstsqSettings settings, CancellationToken cancellationToken)
    {
        var given = settings.CreateProblem();
        given.EnsureUsable(Precision.Float64);
        var problem = settings.UseBias ? given.WithInterceptColumn() : given;   // the intercept is the weight of the ones
        ProblemMemory.EnsureFits(problem, ProblemWork.LeastSquares);
        // Checked after the input (a bad input leaves nothing behind), before any work.
        using var directory = settings.OpenOut("lstsq");
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var result = LongCall.Run(context, settings.Json, "lstsq", problem.Rows, problem.Columns, svd: false, leastSquares: true,
            () => LeastSquares.Solve(problem, settings.Device));
        string device = ComputeDevice.Describe(ComputeDevice.Resolve(settings.Device));
        string name = $"{given.Rows}×{given.Columns} lstsq{(settings.UseBias ? " with intercept" : "")}";
        double[] weights = settings.UseBias ? result.Solution[..^1] : result.Solution;
        double? intercept = settings.UseBias ? result.Solution[^1] : null;
        var row = new RunCase
        {
            Name = name, N = given.Rows, D = given.Columns, Method = "lstsq", Dtype = "float64", Device = device,
            Mse = result.Mse, SolutionNorm = Math.Sqrt(weights.Sum(w => w * w)), Seconds = result.Seconds, Bias = intercept,
        };
        var summary = new RunSummary { Cases = [row], Device = device, Seed = settings.Seed, Threads = threads, TotalSeconds = result.Seconds };
        directory.WriteSummary(summary);
        directory.WriteColumn("x.csv", "x", weights);
        if (settings.Json) context.Output.WriteLine(ResultJson.Serialize(summary));
        else context.Console.MarkupLine(Markup.Escape(
            $"{name} ({given.Name}): MSE {Numbers.Mse(result.Mse)}, ‖x‖ = {row.SolutionNorm:0.######}{(intercept is double b ? $", intercept {b:G6}" : "")}, rank {result.Rank}, {Numbers.Seconds(result.Seconds)} s on {device}. Wrote {Path.Combine(directory.Path, SummaryFiles.JsonName)}, {SummaryFiles.CsvName} and x.csv (the solution, one value per line)."));
        return TorchFitApp.Success;
    }
}
