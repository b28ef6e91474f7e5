using System.Text.Json;

namespace TorchFit.Tests.Cli;

public sealed class SweepCliTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-sweepcli-");

    public void Dispose() => _temp.Dispose();

    private string Dir(string name) => _temp.Combine(name);

    private static readonly string[] SmallGrid = ["--n", "30", "--d", "50", "--batch-sizes", "4,30", "--lrs", "0.001,0.01,0.2", "--epochs", "20", "--device", "cpu"];

    [Fact]
    public void Should_Write_Results_Manifest_Histories_And_Plots()
    {
        var outcome = CliRunner.Run(["sweep", .. SmallGrid, "--out", Dir("s")]);

        Assert.Equal(0, outcome.ExitCode);
        foreach (string file in new[] { "results.csv", "results.json", "manifest.json", "plots/heatmap-final-mse-m0-float32.png",
                     "plots/heatmap-final-mse-m0-float32.svg", "plots/heatmap-epochs-to-target-m0-float32.png", "plots/curves-m0-float32-batch4.png" })
            Assert.True(File.Exists(Path.Combine(Dir("s"), file)), file);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(Dir("s"), "results.csv")).Length);
        Assert.Contains("Full-batch stability limit", outcome.Console, StringComparison.Ordinal);
        Assert.Contains("diverged @", outcome.Console, StringComparison.Ordinal);   // lr 0.2 is far above the limit
    }

    [Fact]
    public void Should_Quote_Each_Methods_Own_Limit_For_Diverged_Runs()
    {
        // Given plain GD and heavy ball (μ 0.9) at an lr far above both full-batch limits
        var outcome = CliRunner.Run(["sweep", "--n", "30", "--d", "50", "--batch-sizes", "30", "--lrs", "0.001,0.5", "--momentum", "0,0.9",
            "--epochs", "20", "--device", "cpu", "--out", Dir("m")]);

        // Then each limit is stated once, and each diverged run quotes its own method's limit, not plain GD's
        Assert.Equal(0, outcome.ExitCode);
        var lines = outcome.Console.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Full-batch stability limit (plain GD) 2/λ_max", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Full-batch stability limit (heavy ball, μ 0.9) 2(1 + μ)/λ_max", StringComparison.Ordinal));
        var diverged = lines.Where(l => l.Contains("diverged: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, diverged.Count);
        Assert.Contains("(full-batch plain GD limit η <", Assert.Single(diverged, l => l.Contains("μ 0,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("(full-batch heavy ball limit η <", Assert.Single(diverged, l => l.Contains("μ 0.9,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Skip_Finished_Configurations_When_Run_Again()
    {
        CliRunner.Run(["sweep", .. SmallGrid, "--out", Dir("s")]);

        var again = CliRunner.Run(["sweep", .. SmallGrid, "--out", Dir("s")]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Skipped 6 configurations already finished", again.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Exit_130_On_Ctrl_C_And_Finish_On_The_Next_Run()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var interrupted = CliRunner.RunWith(cancelled.Token, ["sweep", .. SmallGrid, "--out", Dir("s")]);
        Assert.Equal(130, interrupted.ExitCode);
        Assert.Contains("interrupted", interrupted.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Dir("s"), "manifest.json")));

        var resumed = CliRunner.Run(["sweep", .. SmallGrid, "--out", Dir("s"), "--json"]);

        Assert.Equal(0, resumed.ExitCode);
        using var json = JsonDocument.Parse(resumed.Output);
        Assert.Equal(6, json.RootElement.GetProperty("rows").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, json.RootElement.GetProperty("manifest").GetProperty("finishedAt").ValueKind);
    }

    [Fact]
    public void Should_Read_The_Grid_From_A_Config_File_With_Flags_Overriding_It()
    {
        string config = _temp.Combine("sweep.json");
        File.WriteAllText(config, """{ "batchSizes": [5], "learningRates": [0.001, 0.002], "epochs": 7, "seeds": [1, 2] }""");

        var outcome = CliRunner.Run("sweep", "--n", "20", "--d", "10", "--config", config, "--epochs", "3", "--device", "cpu", "--out", Dir("c"), "--json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("epochsRun").GetInt32()));
        Assert.All(rows, r => Assert.Equal(5, r.GetProperty("batchSize").GetInt32()));
    }

    [Theory]
    [InlineData("""{ "batchSizes": [5], "learningRate": [0.1] }""", ":1:")]
    [InlineData("{ \"batchSizes\": [5],\n  \"epochs\": \"many\" }", ":2:")]
    [InlineData("""{ "dtypes": ["float16"] }""", "float16")]
    [InlineData("""{ "learningRates": [-1] }""", "--lrs must be finite and > 0")]
    public void Should_Reject_A_Bad_Config_File_With_Its_Place_And_Exit_Code_2(string content, string expected)
    {
        string config = _temp.Combine("bad.json");
        File.WriteAllText(config, content);

        var outcome = CliRunner.Run("sweep", "--config", config, "--out", Dir("bad"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Dir("bad")));
    }

    [Theory]
    [InlineData("--batch-sizes", "1,x", "--batch-sizes: 'x' is not a whole number")]
    [InlineData("--lrs", "0.01,,0.1", "--lrs: expected a comma-separated list")]
    [InlineData("--shard", "3/3", "--shard must be i/N")]
    [InlineData("--engine", "warp", "--engine must be keras, fused or batched")]
    [InlineData("--momentum", "1.2", "--momentum must be in [0, 1)")]
    public void Should_Reject_Bad_Options_With_Exit_Code_2(string option, string value, string expected)
    {
        var outcome = CliRunner.Run("sweep", option, value, "--out", Dir("bad"));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Dir("bad")));
    }

    [Fact]
    public void Should_Merge_Shards_And_Replot_The_Result()
    {
        for (int i = 0; i < 2; i++)
            Assert.Equal(0, CliRunner.Run(["sweep", .. SmallGrid, "--shard", $"{i}/2", "--out", Dir($"shard{i}")]).ExitCode);

        var merged = CliRunner.Run("merge", Dir("shard0"), Dir("shard1"), "--out", Dir("merged"));
        Assert.Equal(0, merged.ExitCode);
        Assert.Contains("the whole grid", merged.Console, StringComparison.Ordinal);
        File.Delete(Path.Combine(Dir("merged"), "plots", "heatmap-final-mse-m0-float32.png"));

        var replot = CliRunner.Run("plot", Dir("merged"));

        Assert.Equal(0, replot.ExitCode);
        Assert.True(File.Exists(Path.Combine(Dir("merged"), "plots", "heatmap-final-mse-m0-float32.png")));
        Assert.Equal(2, CliRunner.Run("plot", Dir("nowhere")).ExitCode);
        Assert.Equal(2, CliRunner.Run("merge", Dir("shard0"), Dir("shard0"), "--out", Dir("m2")).ExitCode);
    }
}
