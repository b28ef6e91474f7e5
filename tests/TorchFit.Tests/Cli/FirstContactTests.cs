using System.Text.Json;
using System.Xml.Linq;
using TorchFit.Training;

namespace TorchFit.Tests.Cli;

/// <summary>The small first-contact defects of issue 14: texts, exit codes, help and --no-plots.</summary>
public sealed class FirstContactTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-first-contact-");

    public void Dispose() => _temp.Dispose();

    private static string SvgText(string path) => XDocument.Load(path).Root!.Value;

    [Fact]
    public void Should_Exit_3_And_Mark_The_Divergence_When_Train_Diverges()
    {
        // Given lr 0.0135, just above the 200×300 problem's full-batch limit 0.01339
        // When train runs full batch
        var outcome = CliRunner.Run("train", "--lr", "0.0135", "--batch-size", "200", "--epochs", "2000", "--engine", "fused", "--out", _temp.Path);

        // Then it exits 3, says so, and the chart marks the epoch it diverged at
        Assert.Equal(3, outcome.ExitCode);
        Assert.Contains("Exit code 3.", outcome.Console, StringComparison.Ordinal);
        Assert.Matches(@"diverged at epoch \d", SvgText(_temp.Combine("loss-curves.svg")));
    }

    [Fact]
    public void Should_Name_The_Momentum_In_The_Line_Title_And_Legend()
    {
        // When train runs with Nesterov momentum
        var outcome = CliRunner.Run("train", "--n", "20", "--d", "30", "--epochs", "20", "--lr", "0.005", "--momentum", "0.9", "--nesterov",
            "--out", _temp.Path);

        // Then the console line and the chart both say so
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("20×30 SGD lr 0.005, momentum 0.9 Nesterov, batch 32, 20 epochs: MSE", outcome.Console, StringComparison.Ordinal);
        Assert.Contains("momentum 0.9 Nesterov", SvgText(_temp.Combine("loss-curves.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Name_The_Epochs_Run_And_Draw_The_Fix_In_Reproduce()
    {
        // When reproduce runs 300 epochs
        var outcome = CliRunner.Run("reproduce", "--epochs", "300", "--out", _temp.Path);

        // Then the continuation sentence names 600 and 300, and the chart has the fix's curve
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("The 600-epoch row continues the 300-epoch run", outcome.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("20,000", outcome.Console, StringComparison.Ordinal);
        Assert.Contains("200×300 fix (torchfit solve)", SvgText(_temp.Combine("loss-curves.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Draw_Each_Solve_Row_To_The_Target_And_Give_Epochs_Their_Unit()
    {
        // When solve runs to 1e-12 (past phase one, so plain GD runs too) with comparison rows
        var outcome = CliRunner.Run("solve", "--target", "1e-12", "--compare-epochs", "300", "--lbfgs-epochs", "0", "--out", _temp.Path, "--json");

        // Then the schedule's phases both say "epochs", and solve.svg draws every row and the target line
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Matches(@"then plain GD lr [\d.]+ for [\d,]+ epochs", rows[0].GetProperty("description").GetString());
        Assert.False(rows[0].TryGetProperty("fullMse", out _), "the per-epoch curve belongs to the chart, not the JSON report");
        string svg = SvgText(_temp.Combine("solve.svg"));
        foreach (var row in rows) Assert.Contains(row.GetProperty("name").GetString()!, svg, StringComparison.Ordinal);
        Assert.Contains("target 1.00e-12", svg, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Combine("solve.png")));
    }

    [Fact]
    public void Should_Write_No_Charts_With_No_Plots()
    {
        // When train, solve and sweep run with --no-plots
        Assert.Equal(0, CliRunner.Run("train", "--n", "20", "--d", "30", "--epochs", "5", "--no-plots", "--out", _temp.Combine("train")).ExitCode);
        Assert.Equal(0, CliRunner.Run("solve", "--n", "20", "--d", "30", "--compare-epochs", "0", "--lbfgs-epochs", "0", "--no-plots", "--out", _temp.Combine("solve")).ExitCode);
        var sweep = CliRunner.Run("sweep", "--n", "20", "--d", "30", "--batch-sizes", "4", "--lrs", "0.01", "--epochs", "5", "--no-plots", "--out", _temp.Combine("sweep"));

        // Then their results are written and no PNG or SVG anywhere
        Assert.Equal(0, sweep.ExitCode);
        Assert.True(File.Exists(_temp.Combine("train/summary.json")));
        Assert.True(File.Exists(_temp.Combine("solve/solve.json")));
        Assert.True(File.Exists(_temp.Combine("sweep/results.csv")));
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.png", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.svg", SearchOption.AllDirectories));
        Assert.DoesNotContain("plots", sweep.Console, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_List_The_Valid_Dtypes_In_Sweep()
    {
        var outcome = CliRunner.Run("sweep", "--dtype", "float16", "--out", _temp.Path);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("torchfit: --dtype: 'float16' is not float32 or float64", outcome.Error.Trim());
    }

    [Theory]
    [InlineData("""{ "batchSize": [1] }""", "unknown field 'batchSize'; the fields are batchSizes, learningRates,")]
    [InlineData("""{ "batchSizes": [1, "8"] }""", "batchSizes: expected a list of whole numbers")]
    [InlineData("""{ "epochs": 1.5 }""", "epochs: expected a whole number")]
    public void Should_Describe_A_Bad_Config_Field_Without_DotNet_Names(string config, string expected)
    {
        // Given a config file with a misspelt field or a value of the wrong type
        string path = _temp.Combine("sweep.json");
        File.WriteAllText(path, config);

        // When sweep reads it
        var outcome = CliRunner.Run("sweep", "--config", path, "--out", _temp.Combine("out"));

        // Then the message is in the file's terms
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(expected, outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".NET", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TorchFit.", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Show_Sweep_Defaults_In_Help_Yet_Let_A_Config_File_Replace_Them()
    {
        // When sweep's help is shown
        var help = CliRunner.Run("sweep", "--help");

        // Then the list options have DEFAULTs, and --out says where sweep writes by default
        Assert.Equal(0, help.ExitCode);
        Assert.Matches(@"--batch-sizes <LIST>\s+1,8,32,200", help.Console);
        Assert.Matches(@"--lrs <LIST>\s+0\.001,0\.003,0\.01,0\.013", help.Console);
        Assert.Contains("results/sweep-<yyyyMMdd-HHmmss>", help.Console, StringComparison.Ordinal);

        // And a config file's grid still wins over those defaults, while a flag given wins over the file
        string path = _temp.Combine("sweep.json");
        File.WriteAllText(path, """{ "batchSizes": [4], "learningRates": [0.01, 0.003], "epochs": 7 }""");
        var outcome = CliRunner.Run("sweep", "--n", "20", "--d", "30", "--config", path, "--lrs", "0.002", "--out", _temp.Combine("out"), "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var row = Assert.Single(json.RootElement.GetProperty("rows").EnumerateArray());
        Assert.Equal(4, row.GetProperty("batchSize").GetInt32());
        Assert.Equal(0.002, row.GetProperty("learningRate").GetDouble());
        Assert.Equal(7, row.GetProperty("epochs").GetInt32());
    }

    [Fact]
    public void Should_Keep_The_Help_Defaults_Equal_To_The_Library_Grid()
    {
        // Given the DEFAULTs --help shows for sweep's grid options
        var defaults = typeof(TorchFit.Cli.Settings.SweepSettings).GetProperties()
            .Select(p => (Option: p.GetCustomAttributes(typeof(Spectre.Console.Cli.CommandOptionAttribute), false).Cast<Spectre.Console.Cli.CommandOptionAttribute>().FirstOrDefault(),
                Default: p.GetCustomAttributes(typeof(System.ComponentModel.DefaultValueAttribute), false).Cast<System.ComponentModel.DefaultValueAttribute>().FirstOrDefault()))
            .Where(p => p.Option is not null && p.Default is not null)
            .ToDictionary(p => p.Option!.LongNames[0], p => Convert.ToString(p.Default!.Value, System.Globalization.CultureInfo.InvariantCulture));

        // Then they are what SweepGrid uses when nothing is given
        var grid = new TorchFit.Sweeps.SweepGrid();
        static string List<T>(IEnumerable<T> items) => string.Join(",", items.Select(i => Convert.ToString(i, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(List(grid.Optimizers.Select(TorchFit.Training.HyperParameters.Name)), defaults["optimizers"]);
        Assert.Equal(grid.Semantics.ToString().ToLowerInvariant(), defaults["semantics"]);
        Assert.Equal(List(grid.BatchSizes), defaults["batch-sizes"]);
        Assert.Equal(List(grid.LearningRates), defaults["lrs"]);
        Assert.Equal(List(grid.Momenta), defaults["momentum"]);
        Assert.Equal(List(grid.Seeds), defaults["seeds"]);
        Assert.Equal(List(grid.Precisions.Select(p => p.ToName())), defaults["dtype"]);
        Assert.Equal(grid.Init.ToString().ToLowerInvariant(), defaults["init"]);
        Assert.Equal(grid.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), defaults["epochs"]);
        Assert.Equal(grid.Target, double.Parse(defaults["target"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Should_Treat_Problem_Without_A_Subcommand_As_Usage()
    {
        var outcome = CliRunner.Run("problem");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("problem needs a subcommand: new", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(48.0 / 1024 / 1024, "48 bytes")]
    [InlineData(480_000.0 / 1024 / 1024, "468.75 KiB")]
    [InlineData(183.1, "183.1 MiB")]
    public void Should_Give_A_Problem_Size_In_A_Unit_That_Shows_It(double mebibytes, string expected) =>
        Assert.Equal(expected, TorchFit.Cli.Commands.ProblemInfoCommand.Size(mebibytes));

    [Fact]
    public void Should_Not_Claim_Results_Files_When_Interrupted_Before_Any_Finished()
    {
        // Given Ctrl+C before the first configuration finishes
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When sweep stops
        var outcome = CliRunner.RunWith(cancelled.Token, "sweep", "--n", "20", "--d", "30", "--batch-sizes", "4", "--lrs", "0.01", "--epochs", "5", "--out", _temp.Path);

        // Then it says only the manifest is written, and that is so
        Assert.Equal(130, outcome.ExitCode);
        Assert.Contains("Nothing finished, so only", outcome.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("results.json", outcome.Console, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("results.json")));
        Assert.False(File.Exists(_temp.Combine("results.csv")));
    }

    [Fact]
    public void Should_Say_Bench_Also_Runs_The_Large_Problem()
    {
        var help = CliRunner.Run("--help");

        Assert.Contains("and on a large problem (--large, 4000×6000 unless none)", help.Console, StringComparison.Ordinal);
    }
}
