using System.Text.RegularExpressions;

namespace TorchFit.Tests.Cli;

/// <summary>The Slurm and Kubernetes examples: their config is a valid grid and their shard/merge workflow works.</summary>
public sealed partial class ExampleFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-examples-");

    public void Dispose() => _temp.Dispose();

    private static string Repository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TorchFit.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void Should_Run_The_Example_Grid_As_Four_Shards_And_Merge_Them()
    {
        // Given the examples' config, run as the array job / indexed job does (index i of 4), on a tiny problem for 2 epochs
        string config = Path.Combine(Repository(), "examples", "sweep.json");
        for (int i = 0; i < 4; i++)
        {
            var shard = CliRunner.Run("sweep", "--config", config, "--epochs", "2", "--n", "20", "--d", "10", "--device", "cpu",
                "--shard", $"{i}/4", "--out", _temp.Combine($"shard-{i}"));
            Assert.True(shard.ExitCode == 0, shard.Error);
        }

        // When the merge step runs
        var merged = CliRunner.Run(["merge", .. Enumerable.Range(0, 4).Select(i => _temp.Combine($"shard-{i}")), "--out", _temp.Combine("merged"), "--json"]);

        // Then the whole grid is there: 4 batch sizes × 4 learning rates × 2 momenta × 3 seeds
        Assert.Equal(0, merged.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(merged.Output);
        Assert.Equal(96, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Should_Keep_The_Shard_Count_Consistent_In_Each_Example()
    {
        string examples = Path.Combine(Repository(), "examples");
        string sbatch = File.ReadAllText(Path.Combine(examples, "slurm", "sweep-array.sbatch"));
        string job = File.ReadAllText(Path.Combine(examples, "kubernetes", "sweep-indexed-job.yaml"));

        var array = ArrayRange().Match(sbatch);
        Assert.True(array.Success);
        Assert.Contains("--shard \"${SLURM_ARRAY_TASK_ID}/${SHARDS}\"", sbatch, StringComparison.Ordinal);
        Assert.Equal(0, int.Parse(array.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        int completions = int.Parse(Completions().Match(job).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"--shard \"${{JOB_COMPLETION_INDEX}}/{completions}\"", job, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"#SBATCH --array=(\d+)-(\d+)")]
    private static partial Regex ArrayRange();

    [GeneratedRegex(@"completions: (\d+)")]
    private static partial Regex Completions();
}
