using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Cli.Settings;
using TorchFit.Problems;
using TorchFit.Problems.Files;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit problem new</c>: writes NumPy's seeded uniform problem to .npz or .csv.</summary>
internal sealed class ProblemNewCommand(CliContext context) : Command<ProblemNewSettings>
{
    public override int Execute(CommandContext commandContext, ProblemNewSettings settings, CancellationToken cancellationToken)
    {
        string path = settings.Out!;
        var problem = ProblemGenerator.Uniform(settings.Rows, settings.Columns, (uint)settings.Seed);
        try
        {
            ProblemFile.Save(problem, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{path}: cannot write: {e.Message}", e);
        }
        context.Console.MarkupLine(Markup.Escape(
            $"Wrote {path}: A {problem.Rows}×{problem.Columns} and b {problem.Rows}×1 in float64, as np.random.seed({settings.Seed}); "
            + $"A = np.random.random(({problem.Rows}, {problem.Columns})); b = np.random.random(({problem.Rows}, 1)) draws them."));
        return TorchFitApp.Success;
    }
}
