using System.Diagnostics;

namespace TorchFit.Tests.Cli;

/// <summary>Tables in a narrow terminal and in a redirected file: numbers are never split across lines.</summary>
public sealed class TableLayoutTests : IDisposable
{
    private readonly TempDirectory _directory = new("torchfit-layout-");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Should_Wrap_Words_Not_Numbers_In_An_80_Column_Terminal()
    {
        // When diagnose prints its tables 80 columns wide
        var outcome = CliRunner.RunAt(80, CancellationToken.None, "diagnose", "--out", _directory.Path);

        // Then the slowest-mode factors stay whole, and nothing is wider than the terminal
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Console.Split('\n');
        Assert.Contains(lines, l => l.Contains("│ 0.999901 │", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("│ 0.983882 │", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, l));
    }

    [Fact]
    public void Should_Not_Wrap_When_Output_Is_Redirected()
    {
        // When the real CLI's stdout is a pipe, with a COLUMNS that a terminal would honour
        var start = new ProcessStartInfo(Terminal.Torchfit, ["diagnose", "--out", _directory.Path]) { RedirectStandardOutput = true };
        start.Environment["COLUMNS"] = "60";
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        // Then each explanation is one line and each table row holds its numbers whole
        Assert.Equal(0, process.ExitCode);
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.Contains("multiplies the slowest error mode by 0.999901 (1 − lr·λ_min for plain SGD) and the loss by its square.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("your settings", StringComparison.Ordinal) && l.Contains("0.999901", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("λ_max", StringComparison.Ordinal));
    }
}
