using TorchFit.IO;
using TorchFit.Results;

namespace TorchFit.Tests.Results;

public sealed class ResultDirectoryTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-results-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Refuse_A_Second_Run_While_The_First_Holds_The_Lock_Naming_Its_PID()
    {
        // Given a run holding the directory
        using var first = ResultDirectory.Open(_temp.Combine("out"), "train");

        // When a second run opens it
        var e = Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("out"), "train"));

        // Then it is refused with the holder's PID, and it can open once the first is done
        Assert.Contains($"in use by another TorchFit run (PID {Environment.ProcessId})", e.Message, StringComparison.Ordinal);
        first.Dispose();
        using var again = ResultDirectory.Open(_temp.Combine("out"), "train");
    }

    [Fact]
    public void Should_Refuse_An_Earlier_Run_Of_Another_Verb_Unless_Cleared()
    {
        // Given a directory a train run wrote
        using (var train = ResultDirectory.Open(_temp.Combine("out"), "train"))
            train.WriteText("a-history.csv", HistoryFile.HeaderStart + "\n");

        // When lstsq opens it, then with clear
        var e = Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("out"), "lstsq"));
        using var cleared = ResultDirectory.Open(_temp.Combine("out"), "lstsq", clear: true);

        // Then the first is refused and the second removes the train run's file
        Assert.Contains("holds an earlier train run", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("out/a-history.csv")));
    }

    [Fact]
    public void Should_Replace_The_Files_Of_An_Earlier_Run_Of_The_Same_Verb()
    {
        // Given a train run that wrote one history
        using (var first = ResultDirectory.Open(_temp.Combine("out"), "train"))
            first.WriteText("lr-0.003.csv", "x\n");

        // When another train run opens the directory and writes its own
        using var second = ResultDirectory.Open(_temp.Combine("out"), "train");
        second.WriteText("lr-0.006.csv", "x\n");

        // Then only the second run's file is there
        Assert.Equal(["lr-0.006.csv"], Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')));
    }

    [Fact]
    public void Should_Resume_A_Sweep_Directory_Written_Before_The_Run_Record_Existed()
    {
        // Given a sweep directory without .torchfit-run.json (an older TorchFit, or a requeued job's copy)
        Directory.CreateDirectory(_temp.Combine("s"));
        File.WriteAllText(_temp.Combine("s/manifest.json"), "{}");

        // When a sweep and a train open it
        using (ResultDirectory.Open(_temp.Combine("s"), "sweep")) { }
        var train = Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("s"), "train"));

        // Then the sweep is let in, its manifest kept, and the train refused
        Assert.True(File.Exists(_temp.Combine("s/manifest.json")));
        Assert.Contains("holds an earlier sweep run", train.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Clear_Files_TorchFit_Did_Not_Write()
    {
        // Given a directory holding a user's file
        Directory.CreateDirectory(_temp.Combine("home"));
        File.WriteAllText(_temp.Combine("home/thesis.tex"), "mine");

        // When a run opens it, even asked to clear it
        var plain = Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("home"), "train"));
        var cleared = Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("home"), "train", clear: true));

        // Then both are refused and the file stays
        Assert.Contains("thesis.tex", plain.Message, StringComparison.Ordinal);
        Assert.Contains("which TorchFit did not write", cleared.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(_temp.Combine("home/thesis.tex")));
    }

    [Fact]
    public void Should_Remove_The_Temporary_Files_A_Killed_Run_Left()
    {
        // Given a sweep directory with temporary files left by a killed writer (in it and in histories/), and a user's dotfile
        ResultDirectory.Open(_temp.Combine("out"), "sweep").Dispose();
        Directory.CreateDirectory(_temp.Combine("out/histories"));
        string[] orphans = [".summary.0123456789abcdef0123456789abcdef.tmp.json", "histories/.b32.0123456789abcdef0123456789abcdef.tmp.csv"];
        foreach (string orphan in orphans) File.WriteAllText(_temp.Combine("out/" + orphan), "half");
        File.WriteAllText(_temp.Combine("out/.keep"), "");

        // When the next run opens the directory
        using var next = ResultDirectory.Open(_temp.Combine("out"), "sweep");

        // Then the orphans are gone and the dotfile stays
        Assert.All(orphans, o => Assert.False(File.Exists(_temp.Combine("out/" + o)), o));
        Assert.True(File.Exists(_temp.Combine("out/.keep")));
    }

    [Fact]
    public void Should_Refuse_A_File_Or_A_Dangling_Link_As_The_Directory()
    {
        // Given a file and a link to nothing
        File.WriteAllText(_temp.Combine("file"), "x");
        File.CreateSymbolicLink(_temp.Combine("link"), _temp.Combine("nothing"));

        // When they are opened as result directories, then each is refused in one line
        Assert.Contains("is a file, not a directory", Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("file"), "train")).Message, StringComparison.Ordinal);
        Assert.Contains("which is not a directory", Assert.Throws<InvalidInputException>(() => ResultDirectory.Open(_temp.Combine("link"), "train")).Message, StringComparison.Ordinal);
        Assert.False(Path.Exists(_temp.Combine("nothing")));
    }

    [Fact]
    public void Should_Write_Text_As_It_Is_Not_As_Unicode_Escapes()
    {
        // Given text with ×, λ, ' and +
        var summary = new RunSummary { Cases = [], Device = "cpu", Seed = 0, Threads = 1, TotalSeconds = 0, Why = ["200×300: λ_max's limit +1"] };

        // When it is serialised with the store's one setting
        string json = ResultJson.Serialize(summary);

        // Then the characters are written as they are
        Assert.Contains("200×300: λ_max's limit +1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_Paths_That_Leave_The_Directory()
    {
        // Given a directory with a link inside pointing out of it
        Directory.CreateDirectory(_temp.Combine("d"));
        Directory.CreateSymbolicLink(_temp.Combine("d/histories"), "/etc");

        // When paths read from a file are resolved, then escapes are refused and a plain name is accepted
        foreach (string bad in new[] { "../../../../etc/hostname", "/etc/hostname", "histories/hostname", "a/../../x" })
            Assert.StartsWith($"results.json: '{bad}'", Assert.Throws<InvalidInputException>(() => ContainedPath.Resolve(_temp.Combine("d"), bad, "results.json")).Message, StringComparison.Ordinal);
        Assert.Equal(_temp.Combine("d/ok.csv"), ContainedPath.Resolve(_temp.Combine("d"), "ok.csv", "results.json"));
    }
}
