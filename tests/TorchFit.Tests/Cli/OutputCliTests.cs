using System.Text.Json;
using TorchFit.IO;

namespace TorchFit.Tests.Cli;

/// <summary>Issue 15, outputs and concurrency: --out is checked first, locked, never mixed with another run, and a full disk is one line.</summary>
public sealed class OutputCliTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-outcli-");

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Train = ["train", "--n", "20", "--d", "30", "--epochs", "30", "--device", "cpu"];

    [Fact]
    public void Should_Refuse_A_File_Or_A_Dangling_Link_As_Out_Before_Training()
    {
        // Given --out naming a file, and a link to nothing
        File.WriteAllText(_temp.Combine("file"), "x");
        File.CreateSymbolicLink(_temp.Combine("link"), _temp.Combine("nothing"));

        foreach (string target in new[] { "file", "link" })
        {
            // When train runs into it
            var outcome = CliRunner.Run([.. Train, "--out", _temp.Combine(target)]);

            // Then it exits 2 with one line, before any training (no progress, no summary)
            Assert.Equal(2, outcome.ExitCode);
            Assert.Single(outcome.Error.TrimEnd().Split('\n'));
            Assert.StartsWith($"torchfit: {_temp.Combine(target)}: ", outcome.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("MSE", outcome.Console, StringComparison.Ordinal);
        }
    }

    [RootFact]
    public void Should_Refuse_A_Read_Only_Out_Before_Training()
    {
        // Given a read-only file system (root writes through chmod 555, not through a read-only mount)
        using var mount = new SmallMount("ro,size=64k");

        // When train runs into it
        var outcome = CliRunner.Run([.. Train, "--out", Path.Combine(mount.Path, "run")]);

        // Then it exits 2 with one line
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"torchfit: {Path.Combine(mount.Path, "run")}: cannot create the directory", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Run_Into_A_Locked_Out_Naming_The_Holder()
    {
        // Given another run holding the directory
        Directory.CreateDirectory(_temp.Combine("out"));
        using (DirectoryLock.Take(_temp.Combine("out")))
        {
            // When train runs into it
            var outcome = CliRunner.Run([.. Train, "--out", _temp.Combine("out")]);

            // Then it is refused with the holder's PID, and nothing is written
            Assert.Equal(2, outcome.ExitCode);
            Assert.Contains($"in use by another TorchFit run (PID {Environment.ProcessId})", outcome.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(_temp.Combine("out/summary.json")));
        }
    }

    [Fact]
    public void Should_Refuse_Lstsq_Into_A_Train_Directory_Unless_Force()
    {
        // Given a train run's directory
        Assert.Equal(0, CliRunner.Run([.. Train, "--out", _temp.Combine("out")]).ExitCode);

        // When lstsq writes into it, without and then with --force
        var refused = CliRunner.Run("lstsq", "--n", "20", "--d", "30", "--out", _temp.Combine("out"));
        var forced = CliRunner.Run("lstsq", "--n", "20", "--d", "30", "--out", _temp.Combine("out"), "--force");

        // Then the first exits 2 naming --force, and the second leaves only lstsq's files
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("holds an earlier train run", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(["summary.csv", "summary.json", "x.csv"],
            Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_Save_X_And_Say_What_Lstsq_Wrote()
    {
        // When lstsq solves a 20×30 problem
        var outcome = CliRunner.Run("lstsq", "--n", "20", "--d", "30", "--out", _temp.Combine("l"));

        // Then x.csv holds its 30 weights, and the message names every file
        Assert.Equal(0, outcome.ExitCode);
        var lines = File.ReadAllLines(_temp.Combine("l/x.csv"));
        Assert.Equal("x", lines[0]);
        Assert.Equal(31, lines.Length);
        string console = outcome.Console.ReplaceLineEndings("");
        foreach (string file in new[] { "summary.json", "summary.csv", "x.csv" }) Assert.Contains(file, console, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Write_Summary_Json_Text_Unescaped()
    {
        // When train writes summary.json
        Assert.Equal(0, CliRunner.Run([.. Train, "--out", _temp.Combine("t")]).ExitCode);

        // Then × is written as it is
        string json = File.ReadAllText(_temp.Combine("t/summary.json"));
        Assert.Contains("20×30 SGD", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00D7", json, StringComparison.Ordinal);
    }

    [RootFact]
    public void Should_Say_No_Space_Left_With_Exit_2_And_Keep_What_Was_Written_Whole()
    {
        // Given a 16 KiB file system: the summary fits, the loss-curve PNG does not
        using var mount = new SmallMount("size=16k");

        // When train writes into it
        var outcome = CliRunner.Run([.. Train, "--out", mount.Path]);

        // Then it exits 2 with one line naming the device, the summary written before is whole, and no temporary file is left
        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains($"no space left on {mount.Path}", outcome.Error, StringComparison.Ordinal);
        using (JsonDocument.Parse(File.ReadAllText(Path.Combine(mount.Path, "summary.json")))) { }
        Assert.DoesNotContain(Directory.GetFiles(mount.Path), f => AtomicFile.IsTemporary(Path.GetFileName(f)));
    }
}
