using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Baselines;
using TorchFit.Cli.Output;
using TorchFit.Cli.Settings;
using TorchFit.Devices;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit lstsq</c>: the closed-form baseline for one problem.</summary>
internal sealed class LstsqCommand(CliContext context) : Command<ProblemSettings>
{
    public override int Execute(CommandContext commandContext, ProblemSettings settings, CancellationToken cancellationToken)
    {
        string directory = settings.Out ?? Path.Combine("results", "lstsq");
        var problem = settings.CreateProblem();
        int threads = IntraOpThreads.Apply(settings.Threads ?? IntraOpThreads.Choose(problem.Rows, problem.Columns));
        var result = LeastSquares.Solve(problem, settings.Device);
        string device = ComputeDevice.Describe(ComputeDevice.Resolve(settings.Device));
        string name = $"{problem.Rows}×{problem.Columns} lstsq";
        var row = new SummaryCase(name, problem.Rows, problem.Columns, "lstsq", null, null, null, null, null, "float64", device,
            result.Mse, result.SolutionNorm, result.Seconds, null, null, null, null, null);
        var summary = new SummaryDocument([row], BuildInfo.TorchSharpVersion, BuildInfo.TorchFitVersion, device, settings.Seed, threads,
            result.Seconds, DateTimeOffset.Now);
        ResultWriter.WriteSummary(directory, summary);
        if (settings.Json) context.Output.WriteLine(ResultWriter.ToJson(summary));
        else context.Console.MarkupLine(Markup.Escape(
            $"{name} ({problem.Name}): MSE {Numbers.Mse(result.Mse)}, ‖x‖ = {result.SolutionNorm:0.######}, rank {result.Rank}, {Numbers.Seconds(result.Seconds)} s on {device}. Wrote {Path.Combine(directory, "summary.json")}."));
        return TorchFitApp.Success;
    }
}
