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
internal sealed class LstsqCommand(CliContext context) : Command<ProblemSettings>
{
    public override int Execute(CommandContext commandContext, ProblemSettings settings, CancellationToken cancellationToken)
    {
        var problem = settings.CreateProblem();
        problem.EnsureUsable(Precision.Float64);
        ProblemMemory.EnsureFits(problem, ProblemWork.LeastSquares);
        // Checked after the input (a bad input leaves nothing behind), before any work.
        using var directory = settings.OpenOut("lstsq");
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var result = LongCall.Run(context, settings.Json, "lstsq", problem.Rows, problem.Columns, svd: false, leastSquares: true,
            () => LeastSquares.Solve(problem, settings.Device));
        string device = ComputeDevice.Describe(ComputeDevice.Resolve(settings.Device));
        string name = $"{problem.Rows}×{problem.Columns} lstsq";
        var row = new RunCase
        {
            Name = name, N = problem.Rows, D = problem.Columns, Method = "lstsq", Dtype = "float64", Device = device,
            Mse = result.Mse, SolutionNorm = result.SolutionNorm, Seconds = result.Seconds,
        };
        var summary = new RunSummary { Cases = [row], Device = device, Seed = settings.Seed, Threads = threads, TotalSeconds = result.Seconds };
        directory.WriteSummary(summary);
        directory.WriteColumn("x.csv", "x", result.Solution);
        if (settings.Json) context.Output.WriteLine(ResultJson.Serialize(summary));
        else context.Console.MarkupLine(Markup.Escape(
            $"{name} ({problem.Name}): MSE {Numbers.Mse(result.Mse)}, ‖x‖ = {result.SolutionNorm:0.######}, rank {result.Rank}, {Numbers.Seconds(result.Seconds)} s on {device}. Wrote {Path.Combine(directory.Path, SummaryFiles.JsonName)}, {SummaryFiles.CsvName} and x.csv (the solution, one value per line)."));
        return TorchFitApp.Success;
    }
}
