using Spectre.Console.Testing;
using TorchFit.Cli;

namespace TorchFit.Tests.Cli;

/// <summary>Runs torchfit verbs in-process and captures what they print.</summary>
internal sealed class CliRunner
{
    public sealed record Outcome(int ExitCode, string Console, string Output, string Error);

    public static Outcome Run(params string[] args) => RunWith(CancellationToken.None, args);

    public static Outcome RunWith(CancellationToken cancellation, params string[] args) => RunAt(200, cancellation, args);

    /// <summary>Runs a verb on a console <paramref name="width"/> columns wide.</summary>
    public static Outcome RunAt(int width, CancellationToken cancellation, params string[] args)
    {
        var console = new TestConsole().Width(width);
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = TorchFitApp.Run(args, new CliContext(console, output, error, cancellation));
        return new Outcome(code, console.Output, output.ToString(), error.ToString());
    }
}
