using System.Text.Json.Nodes;
using TorchFit.Problems;
using TorchFit.Results;
using TorchFit.Sweeps;
using TorchFit.Tests.Cli;
using TorchFit.Training;

namespace TorchFit.Tests.Sweeps;

/// <summary>Issue 15 items 1 and 7: the sweep store appends, compacts, and trusts no path or row it reads.</summary>
public sealed class SweepStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-sweepstore-");

    public void Dispose() => _temp.Dispose();

    private string Dir(string name) => _temp.Combine(name);

    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(30, 50, 0);

    private static readonly SweepGrid Small = new()
    {
        BatchSizes = [4, 30], LearningRates = [0.001, 0.01], Momenta = [0], Precisions = [Precision.Float32], Seeds = [0], Epochs = 10,
    };

    private static readonly string[] SmallGrid = ["--n", "30", "--d", "50", "--batch-sizes", "4,30", "--lrs", "0.001,0.01", "--epochs", "10", "--device", "cpu"];

    [Fact]
    public void Should_Append_Each_Group_And_Rewrite_Results_Json_Only_At_The_Ends()
    {
        // Given a sweep of two groups (batch 4 and batch 30), watched after each group
        var seen = new List<(bool Json, int LogLines)>();
        var store = new SweepStore(Dir("s"));
        int finished = 0;
        var watch = new Callback(p =>
        {
            if (p.Finished == finished) return;   // reported once per finished group
            finished = p.Finished;
            seen.Add((File.Exists(store.ResultsJsonPath), File.Exists(store.ResultsLogPath) ? File.ReadAllLines(store.ResultsLogPath).Length : 0));
        });

        // When it runs
        var outcome = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("s"), Device = "cpu" }, watch);

        // Then during the run rows were appended to results.jsonl, never written to results.json, and at the end results.json holds all and the log is gone
        Assert.Equal([(false, 2), (false, 4)], seen);
        Assert.Equal(4, ResultJson.Read<List<SweepRow>>(store.ResultsJsonPath)!.Count);
        Assert.False(File.Exists(store.ResultsLogPath));
        Assert.Equal(4, outcome.Rows.Count);
    }

    [Fact]
    public void Should_Keep_Every_Appended_Row_Of_A_Killed_Run()
    {
        // Given a finished sweep turned into what a kill leaves: no results.json/csv, the rows in the log, and a torn last line
        var finished = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("s"), Device = "cpu" });
        var store = new SweepStore(Dir("s"));
        File.Delete(store.ResultsJsonPath);
        File.Delete(store.ResultsCsvPath);
        File.WriteAllText(store.ResultsLogPath, string.Concat(finished.Rows.Take(3).Select(r => ResultJson.SerializeLine(r) + "\n")) + "{\"index\": 3, \"ke");

        // When the sweep is run again
        var resumed = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("s"), Device = "cpu" });

        // Then the three logged rows are kept and only the fourth is trained
        Assert.Equal(3, resumed.Skipped);
        Assert.Equal(1, resumed.Trained);
        Assert.Equal(finished.Rows.Select(r => (r.Key, r.FinalMse)), resumed.Rows.Select(r => (r.Key, r.FinalMse)));
    }

    [Fact]
    public void Should_Refuse_A_Duplicate_Row_Or_A_Null_Key_On_Resume_With_Exit_2()
    {
        foreach (var corrupt in new Action<JsonArray>[] { rows => rows.Add(rows[0]!.DeepClone()), rows => rows[1]!["key"] = null })
        {
            // Given a finished sweep whose results.json is then corrupted
            string dir = Dir(Guid.NewGuid().ToString("N"));
            Assert.Equal(0, CliRunner.Run(["sweep", .. SmallGrid, "--out", dir]).ExitCode);
            string path = Path.Combine(dir, "results.json");
            var rows = JsonNode.Parse(File.ReadAllText(path))!.AsArray();
            corrupt(rows);
            File.WriteAllText(path, rows.ToJsonString());

            // When it is resumed
            var outcome = CliRunner.Run(["sweep", .. SmallGrid, "--out", dir]);

            // Then it exits 2 with one line naming results.json
            Assert.Equal(2, outcome.ExitCode);
            Assert.Single(outcome.Error.TrimEnd().Split('\n'));
            Assert.StartsWith($"torchfit: {path}", outcome.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("../../../../victim.txt")]
    [InlineData("/VICTIM")]
    [InlineData("histories/../../victim.txt")]
    [InlineData("histories/another-key.csv")]
    public void Should_Refuse_To_Merge_A_History_That_Is_Not_Histories_Key_Csv(string history)
    {
        // Given two shards, the second's first row naming a path outside it, and a file that path could reach
        File.WriteAllText(Dir("victim.txt"), "keep");
        history = history.Replace("/VICTIM", Dir("victim.txt"), StringComparison.Ordinal);
        for (int i = 0; i < 2; i++)
            SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir($"shards/s{i}"), Device = "cpu", Shard = new SweepShard(i, 2) });
        string results = Path.Combine(Dir("shards/s1"), "results.json");
        var rows = JsonNode.Parse(File.ReadAllText(results))!.AsArray();
        rows[0]!["history"] = history;
        File.WriteAllText(results, rows.ToJsonString());

        // When they are merged
        var outcome = CliRunner.Run("merge", Dir("shards/s0"), Dir("shards/s1"), "--out", Dir("shards/m"));

        // Then it exits 2 with one line, the victim is untouched and no history was written
        Assert.Equal(2, outcome.ExitCode);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains("is not histories/", outcome.Error, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(Dir("victim.txt")));
        Assert.False(Directory.Exists(Dir("shards/m/histories")) && Directory.EnumerateFileSystemEntries(Dir("shards/m/histories")).Any());
    }

    [Fact]
    public void Should_Refuse_To_Merge_Through_A_Histories_Link_That_Leaves_The_Shard()
    {
        // Given a shard whose histories/ is a link to a directory outside it holding the same file names
        SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("s0"), Device = "cpu" });
        Directory.Move(Path.Combine(Dir("s0"), "histories"), Dir("elsewhere"));
        Directory.CreateSymbolicLink(Path.Combine(Dir("s0"), "histories"), Dir("elsewhere"));

        // When it is merged
        var outcome = CliRunner.Run("merge", Dir("s0"), "--out", Dir("m"));

        // Then it exits 2 naming the escape
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("points outside", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Leave_No_Histories_Behind_When_A_Merge_Finds_One_Missing()
    {
        // Given two shards, one history of the second deleted
        for (int i = 0; i < 2; i++)
            SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir($"s{i}"), Device = "cpu", Shard = new SweepShard(i, 2) });
        var second = new SweepStore(Dir("s1"));
        File.Delete(second.HistoryPath(second.ReadRows()[^1]));

        // When they are merged
        var outcome = CliRunner.Run("merge", Dir("s0"), Dir("s1"), "--out", Dir("m"));

        // Then it exits 2 and --out holds no history
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("history file missing", outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("m/histories")) && Directory.EnumerateFileSystemEntries(Dir("m/histories")).Any());
    }

    [Fact]
    public void Should_Warn_Before_A_Grid_Of_More_Than_100000_Configurations()
    {
        // Given a 400 × 251 grid (100,400 configurations), interrupted before the first group
        string rates = string.Join(',', Enumerable.Range(1, 251).Select(i => (i * 1e-5).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When it starts
        var outcome = CliRunner.RunWith(cancelled.Token, "sweep", "--n", "400", "--d", "2", "--batch-sizes", string.Join(',', Enumerable.Range(1, 400)), "--lrs", rates, "--epochs", "1",
            "--device", "cpu", "--out", Dir("big"));

        // Then it warns with the count first
        Assert.StartsWith("torchfit: warning: 100,400 configurations to train", outcome.Error, StringComparison.Ordinal);
    }

    private sealed class Callback(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }
}
