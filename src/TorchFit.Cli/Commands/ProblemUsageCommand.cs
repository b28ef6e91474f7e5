using Spectre.Console.Cli;

namespace TorchFit.Cli.Commands;

/// <summary><c>torchfit problem</c> without a subcommand: a usage error (exit 2), not a failure.</summary>
internal sealed class ProblemUsageCommand : Command<EmptyCommandSettings>
{
    public override int Execute(CommandContext commandContext, EmptyCommandSettings settings, CancellationToken cancellationToken) =>
        throw new InvalidInputException("problem needs a subcommand: new (write a problem file) or info (describe one); see torchfit problem --help");
}
