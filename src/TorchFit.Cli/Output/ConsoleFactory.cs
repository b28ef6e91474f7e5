using System.Globalization;
using Spectre.Console;

namespace TorchFit.Cli.Output;

/// <summary>
/// The console the CLI writes to. On a terminal it is as wide as COLUMNS says, else as the
/// terminal; redirected, it does not wrap at all (Spectre lays redirected output out at 80 columns,
/// which broke "0.999901" across two lines of a file).
/// </summary>
internal static class ConsoleFactory
{
    /// <summary>The width of redirected output: wide enough that no line of TorchFit's wraps.</summary>
    public const int UnwrappedWidth = 4096;

    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings());
        if (Width(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("COLUMNS")) is { } width) console.Profile.Width = width;
        return console;
    }

    /// <summary>The width to impose, or null to follow the terminal (and its resizes).</summary>
    internal static int? Width(bool redirected, string? columns) =>
        redirected ? UnwrappedWidth
        : int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out int width) && width > 0 ? width
        : null;
}
