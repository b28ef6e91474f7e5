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
    [InlineData("{ \"optimizers\": [\"adam\",\n  \"nadam\"] }", ":2:10: optimizers: expected a list of \"sgd\"/\"adam\"/\"rmsprop\"/\"adagrad\"")]
    [InlineData("""{ "optimizers": [1] }""", "optimizers: expected a list of")]
    [InlineData("""{ "semantics": "pytorch" }""", "semantics: expected \"keras\" or \"torch\"")]
    [InlineData("""{ "optimizers": ["adagrad"], "momenta": [0.9] }""", "--momentum applies to sgd and rmsprop only, and the grid has only adagrad")]
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
    [InlineData("--optimizers", "adam,nadam", "--optimizers: 'nadam' is not sgd, adam, rmsprop or adagrad")]
    [InlineData("--optimizers", "adam,adam", "--optimizers lists adam twice")]
    [InlineData("--semantics", "pytorch", "--semantics must be keras or torch, got 'pytorch'")]
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

    [Fact]
    public void Should_Refuse_A_Momentum_Or_Nesterov_That_No_Optimizer_Of_The_Grid_Takes()
    {
        // Given optimizers without momentum and a momentum, and RMSprop with Nesterov
        var momentum = CliRunner.Run("sweep", "--optimizers", "adam,adagrad", "--momentum", "0,0.9", "--out", Dir("m"));
        var nesterov = CliRunner.Run("sweep", "--optimizers", "rmsprop", "--momentum", "0.9", "--nesterov", "--out", Dir("n"));

        // Then each exits 2 with one line naming the flag, and writes nothing
        Assert.Equal((2, "torchfit: sweep grid: --momentum applies to sgd and rmsprop only, and the grid has only adam,adagrad"), (momentum.ExitCode, momentum.Error.TrimEnd()));
        Assert.Equal((2, "torchfit: sweep grid: --nesterov applies to sgd only, and the grid has only rmsprop"), (nesterov.ExitCode, nesterov.Error.TrimEnd()));
        Assert.False(Directory.Exists(Dir("m")) || Directory.Exists(Dir("n")));
    }

    [Fact]
    public void Should_Sweep_Optimizers_From_Flags_Showing_Them_And_Quoting_Stability_Limits_For_Sgd_Only()
    {
        // Given SGD and Adam on one learning rate far above SGD's full-batch limit, and one below it
        var outcome = CliRunner.Run("sweep", "--n", "30", "--d", "50", "--optimizers", "sgd,adam", "--batch-sizes", "30", "--lrs", "0.001,0.5",
            "--epochs", "20", "--device", "cpu", "--out", Dir("o"));

        // Then the table has an optimizer column, SGD's limit is quoted for SGD's diverged run only, and Adam's files are named after it
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("│ optimizer │", outcome.Console, StringComparison.Ordinal);
        Assert.Contains("The full-batch stability limits are SGD theory: none is quoted for adam.", outcome.Console, StringComparison.Ordinal);
        var diverged = outcome.Console.Split('\n').Where(l => l.Contains("diverged: ", StringComparison.Ordinal)).ToList();
        Assert.All(diverged.Where(l => l.Contains("adam", StringComparison.Ordinal)), l => Assert.DoesNotContain("limit", l, StringComparison.Ordinal));
        Assert.Contains("  diverged: sgd, batch 30, lr 0.5,", Assert.Single(diverged, l => l.Contains("sgd", StringComparison.Ordinal)), StringComparison.Ordinal);
        foreach (string file in new[] { "heatmap-final-mse-m0-float32.png", "heatmap-final-mse-adam-m0-float32.png", "heatmap-epochs-to-target-adam-m0-float32.svg",
                     "curves-adam-m0-float32-batch30.png" })
            Assert.True(File.Exists(Path.Combine(Dir("o"), "plots", file)), file);
        var csv = File.ReadAllLines(Path.Combine(Dir("o"), "results.csv"));
        Assert.StartsWith("index,key,optimizer,semantics,batch_size,", csv[0], StringComparison.Ordinal);
        Assert.StartsWith("2,adam-b30-lr0.001-m0-float32-s0,adam,keras,30,", csv[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_When_Other_Optimizers_Run_Sgds_Default_Learning_Rates()
    {
        // Given Adam and RMSprop without --lrs, and Adam with its own
        var defaults = CliRunner.Run("sweep", "--n", "30", "--d", "50", "--optimizers", "adam,rmsprop", "--batch-sizes", "30", "--epochs", "2",
            "--device", "cpu", "--no-plots", "--out", Dir("d"), "--json");
        var own = CliRunner.Run("sweep", "--n", "30", "--d", "50", "--optimizers", "adam", "--lrs", "0.0005", "--batch-sizes", "30", "--epochs", "2",
            "--device", "cpu", "--no-plots", "--out", Dir("own"), "--json");

        // Then the first runs SGD's default grid for both and says so on stderr (stdout stays JSON); the second says nothing
        Assert.Equal(0, defaults.ExitCode);
        Assert.Equal("torchfit: note: adam, rmsprop run the default learning rates 0.001, 0.003, 0.01, 0.013 (SGD's grid; Keras' default for them is 0.001); "
            + "give --lrs for a grid of their own.", defaults.Error.Split('\n')[0]);
        using var json = JsonDocument.Parse(defaults.Output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["adam", "rmsprop"], rows.Select(r => r.GetProperty("optimizer").GetString()).Distinct());
        Assert.Equal(0, own.ExitCode);
        Assert.DoesNotContain("note", own.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Read_Optimizers_And_Semantics_From_A_Config_File_With_Flags_Overriding_Them()
    {
        // Given a config file of Adagrad and RMSprop under PyTorch's formulas, and a command line that keeps the file's optimizers but not its semantics
        string config = _temp.Combine("optimizers.json");
        File.WriteAllText(config, """{ "optimizers": ["adagrad", "rmsprop"], "semantics": "torch", "batchSizes": [20], "learningRates": [0.01], "epochs": 2 }""");

        // When the sweep runs from the file alone, and with --semantics keras
        var file = CliRunner.Run("sweep", "--n", "20", "--d", "10", "--config", config, "--device", "cpu", "--no-plots", "--out", Dir("f"), "--json");
        var flags = CliRunner.Run("sweep", "--n", "20", "--d", "10", "--config", config, "--semantics", "keras", "--device", "cpu", "--no-plots", "--out", Dir("k"), "--json");

        // Then the file's optimizers run in its semantics, and the flag overrides the semantics
        static List<string?> Keys(CliRunner.Outcome outcome)
        {
            Assert.Equal(0, outcome.ExitCode);
            using var json = JsonDocument.Parse(outcome.Output);
            return [.. json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString())];
        }
        Assert.Equal(["adagrad-torch-b20-lr0.01-m0-float32-s0", "rmsprop-torch-b20-lr0.01-m0-float32-s0"], Keys(file));
        Assert.Equal(["adagrad-b20-lr0.01-m0-float32-s0", "rmsprop-b20-lr0.01-m0-float32-s0"], Keys(flags));
    }
}
