using System.Diagnostics;

namespace TorchFit.Tests.Cli;

/// <summary>
/// The built CLI as a child process, stopped by a signal in the middle of a sweep, as Slurm
/// (scontrol requeue, preemption) and Kubernetes stop a task with SIGTERM and a user with Ctrl+C;
/// and the plots, which a cancellation must stop too.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-signal-");

    public void Dispose() => _temp.Dispose();

    // Eight trained groups (one per seed) of a fraction of a second each: a signal sent after the
    // first group's progress line lands mid-run.
    private static readonly string[] Grid = ["--n", "100", "--d", "150", "--batch-sizes", "1", "--lrs", "0.001,0.002",
        "--seeds", "0,1,2,3,4,5,6,7", "--epochs", "3000", "--device", "cpu", "--threads", "1"];
    private const int Configurations = 16;

    [PosixFact]
    public void Should_Exit_143_With_The_Resume_Hint_On_SIGTERM_And_Finish_Every_Row_Once_On_The_Next_Run()
    {
        // Given a sweep running in the built CLI
        string directory = _temp.Combine("s");

        // When SIGTERM arrives after its first trained group
        var stopped = RunUntilSignalled("TERM", ["sweep", .. Grid, "--out", directory]);

        // Then it exits 143 with one line that says what is kept and how to finish
        Assert.Equal(143, stopped.ExitCode);
        var line = Assert.Single(stopped.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches($@"^torchfit: interrupted; (\d+) of {Configurations} configurations are written in .+\. Run the same command with --out .+ to finish\.$", line);
        int kept = int.Parse(System.Text.RegularExpressions.Regex.Match(line, @"interrupted; (\d+) of").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(kept, 1, Configurations - 1);
        Assert.Equal(kept, Keys(directory).Count);

        // When the same command runs again
        var resumed = CliRunner.Run(["sweep", .. Grid, "--out", directory]);

        // Then it skips what was kept and ends with every configuration exactly once
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains($"Skipped {kept} configurations already finished", resumed.Console.ReplaceLineEndings(" "), StringComparison.Ordinal);
        var keys = Keys(directory);
        Assert.Equal(Configurations, keys.Count);
        Assert.Equal(Configurations, keys.Distinct().Count());
    }

    [PosixFact]
    public void Should_Exit_130_With_The_Resume_Hint_On_SIGINT()
    {
        // Given a sweep running in the CLI
        string directory = _temp.Combine("s");

        // When SIGINT (Ctrl+C) arrives after its first trained group
        var stopped = RunUntilSignalled("INT", ["sweep", .. Grid, "--out", directory]);

        // Then it exits 130 with the same one line
        Assert.Equal(130, stopped.ExitCode);
        var line = Assert.Single(stopped.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Run the same command with --out", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Stop_Drawing_Plots_When_Cancelled_And_Say_The_Results_Are_Whole()
    {
        // Given a finished sweep, so that a second run has nothing to train and goes straight to its plots
        string[] small = ["sweep", "--n", "20", "--d", "30", "--batch-sizes", "4,20", "--lrs", "0.001,0.01", "--epochs", "5", "--device", "cpu",
            "--out", _temp.Combine("s")];
        Assert.Equal(0, CliRunner.Run(small).ExitCode);
        Directory.Delete(_temp.Combine("s/plots"), recursive: true);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When it is cancelled (Ctrl+C) while drawing, in sweep and in plot
        var sweep = CliRunner.RunWith(cancelled.Token, small);
        var plot = CliRunner.RunWith(cancelled.Token, "plot", _temp.Combine("s"));

        // Then both stop before the first plot file, exit 130, and the sweep says its results are complete
        Assert.Equal(130, sweep.ExitCode);
        Assert.Contains("interrupted while drawing the plots; all 4 configurations are written", sweep.Error, StringComparison.Ordinal);
        Assert.Equal(130, plot.ExitCode);
        Assert.False(Directory.Exists(_temp.Combine("s/plots")) && Directory.EnumerateFiles(_temp.Combine("s/plots")).Any());
    }

    private sealed record Stopped(int ExitCode, string Error);

    /// <summary>Starts the CLI built next to the tests, sends SIG<paramref name="signal"/> after its first finished group, waits for it.</summary>
    private static Stopped RunUntilSignalled(string signal, string[] args)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "TorchFit.Cli");
        Assert.True(File.Exists(cli), $"{cli}: the CLI's app host is not built next to the tests");
        var start = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var firstGroup = new ManualResetEventSlim();
        var error = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            // Plain progress: "sweep: K/N configurations · ..."; K > 0 once a group is written.
            if (e.Data is { } text && text.StartsWith("sweep: ", StringComparison.Ordinal) && !text.StartsWith("sweep: 0/", StringComparison.Ordinal))
                firstGroup.Set();
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (error) error.Append(e.Data).Append('\n'); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.True(firstGroup.Wait(TimeSpan.FromSeconds(60)), "no group finished within 60 s");
            using (var kill = Process.Start("kill", ["-s", signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                kill.WaitForExit();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), $"still running 60 s after SIG{signal}");
            process.WaitForExit();   // the redirected streams are drained
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
        lock (error) return new Stopped(process.ExitCode, error.ToString());
    }

    private static List<string> Keys(string directory) =>
        [.. File.ReadAllLines(Path.Combine(directory, "results.csv")).Skip(1).Select(line => line.Split(',')[1])];
}
