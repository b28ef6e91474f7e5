using Spectre.Console;

namespace TorchFit.Cli;

/// <summary>What a command talks to: injected so tests can run verbs in-process.</summary>
/// <param name="Console">Tables and live progress.</param>
/// <param name="Output">Raw stdout (for --json).</param>
/// <param name="Error">Plain progress lines and error messages.</param>
/// <param name="Cancellation">Ctrl+C.</param>
internal sealed record CliContext(IAnsiConsole Console, TextWriter Output, TextWriter Error, CancellationToken Cancellation)
{
    /// <summary>Live progress bars only on an interactive terminal whose stdout is not redirected.</summary>
    public bool LiveProgress(bool json) => !json && Console.Profile.Capabilities.Interactive && !System.Console.IsOutputRedirected;

    /// <summary>Where plain progress lines go: stderr when stdout carries JSON, else the console.</summary>
    public TextWriter PlainProgress(bool json) => json ? Error : Output;
}
