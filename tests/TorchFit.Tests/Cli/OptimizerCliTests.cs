using System.Text.Json;

namespace TorchFit.Tests.Cli;

/// <summary>The optimizer options of train, diagnose, solve and lstsq, as a user meets them.</summary>
public class OptimizerCliTests
{
    [Theory]
    [InlineData(new[] { "--optimizer", "adam", "--momentum", "0.9" }, "--momentum applies to sgd and rmsprop only, not adam")]
    [InlineData(new[] { "--beta-1", "0.9" }, "--beta-1 applies to adam only, not sgd")]
    [InlineData(new[] { "--optimizer", "rmsprop", "--amsgrad" }, "--amsgrad applies to adam only, not rmsprop")]
    [InlineData(new[] { "--optimizer", "adagrad", "--rho", "0.9" }, "--rho applies to rmsprop only, not adagrad")]
    [InlineData(new[] { "--optimizer", "adam", "--nesterov" }, "--nesterov applies to sgd only, not adam")]
    [InlineData(new[] { "--epsilon", "1e-8" }, "--epsilon applies to adam, rmsprop and adagrad only, not sgd")]
    [InlineData(new[] { "--optimizer", "adam", "--initial-accumulator-value", "0.1" }, "--initial-accumulator-value applies to adagrad only, not adam")]
    [InlineData(new[] { "--optimizer", "nadam" }, "--optimizer must be sgd, adam, rmsprop or adagrad, got 'nadam'")]
    [InlineData(new[] { "--semantics", "jax" }, "--semantics must be keras or torch, got 'jax'")]
    [InlineData(new[] { "--on-divergence", "ignore" }, "--on-divergence must be stop or continue, got 'ignore'")]
    [InlineData(new[] { "--optimizer", "adam", "--beta-2", "1" }, "--beta-2 must be in [0, 1), got 1")]
    [InlineData(new[] { "--optimizer", "rmsprop", "--epsilon", "-1" }, "--epsilon must be a finite number ≥ 0, got -1")]
    public void Should_Refuse_An_Option_That_Does_Not_Fit_The_Optimizer_In_One_Line_With_Exit_Code_2(string[] options, string message)
    {
        // Given an option another optimizer owns (even at its default value) or a bad value, when train runs
        using var directory = new TempDirectory("torchfit-optimizer-cli");
        string outDir = Path.Combine(directory.Path, "out");
        var outcome = CliRunner.Run(["train", "--epochs", "1", "--out", outDir, .. options]);

        // Then it exits 2 with one line naming the flag, and writes nothing
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal("torchfit: " + message, outcome.Error.TrimEnd());
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Should_Say_The_Optimizer_Defaults_In_Help()
    {
        // When train's help is shown
        var help = CliRunner.Run("train", "--help").Console;

        // Then it says the learning rate follows the optimizer and names each option's owner and default
        Assert.Contains("sgd 0.01; adam, rmsprop and adagrad 0.001", help, StringComparison.Ordinal);
        Assert.Contains("adam: beta_1", help, StringComparison.Ordinal);
        Assert.Contains("rmsprop: rho", help, StringComparison.Ordinal);
        Assert.Contains("adagrad: the accumulator's start", help, StringComparison.Ordinal);
        Assert.Contains("--on-divergence", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Train_Adam_With_Keras_Defaults_And_Name_It_In_The_Summary()
    {
        // Given an Adam run with a bias on the fused engine
        using var directory = new TempDirectory("torchfit-optimizer-cli");
        var outcome = CliRunner.Run("train", "--optimizer", "adam", "--use-bias", "--engine", "fused", "--epochs", "20", "--no-plots", "--json",
            "--out", directory.Path);

        // Then the summary names Adam at Keras' default learning rate, Keras' semantics, and the trained bias
        Assert.Equal(0, outcome.ExitCode);
        var row = JsonDocument.Parse(outcome.Output).RootElement.GetProperty("cases")[0];
        Assert.Equal("adam", row.GetProperty("method").GetString());
        Assert.Equal(0.001, row.GetProperty("learningRate").GetDouble());
        Assert.Equal("keras", row.GetProperty("semantics").GetString());
        Assert.NotEqual(0, row.GetProperty("bias").GetDouble());
        Assert.Contains("Adam lr 0.001", row.GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Train_Every_Epoch_After_Divergence_When_Asked_To_Continue()
    {
        // Given a learning rate far above the stability limit and --on-divergence continue
        using var directory = new TempDirectory("torchfit-optimizer-cli");
        var outcome = CliRunner.Run("train", "--lr", "0.5", "--engine", "fused", "--epochs", "30", "--no-plots", "--json",
            "--on-divergence", "continue", "--out", directory.Path);

        // Then all 30 epochs are recorded, the run is marked diverged at its first bad epoch, and it exits 3
        Assert.Equal(3, outcome.ExitCode);
        var row = JsonDocument.Parse(outcome.Output).RootElement.GetProperty("cases")[0];
        Assert.Equal("diverged", row.GetProperty("stop").GetString());
        Assert.Equal(1, row.GetProperty("divergedAtEpoch").GetInt32());
        string history = File.ReadAllLines(Path.Combine(directory.Path, row.GetProperty("historyFile").GetString()!))[^1];
        Assert.StartsWith("30,NaN,NaN,", history, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_To_Diagnose_An_Optimizer_It_Cannot_Predict()
    {
        // When diagnose is asked about Adam
        var outcome = CliRunner.Run("diagnose", "--optimizer", "adam", "--no-plots");

        // Then it says its predictions cover SGD and momentum only, exit 2
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith("torchfit: --optimizer diagnose predicts SGD with or without momentum only, not adam", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fit_An_Intercept_With_Lstsq_When_Asked()
    {
        // Given an over-determined problem (n > d, so the intercept is identifiable)
        using var directory = new TempDirectory("torchfit-optimizer-cli");
        var outcome = CliRunner.Run("lstsq", "--n", "40", "--d", "5", "--use-bias", "--json", "--out", directory.Path);

        // Then lstsq on [A 1] reports an intercept and d weights
        Assert.Equal(0, outcome.ExitCode);
        var row = JsonDocument.Parse(outcome.Output).RootElement.GetProperty("cases")[0];
        Assert.True(row.TryGetProperty("bias", out var bias) && double.IsFinite(bias.GetDouble()));
        Assert.Equal(5, File.ReadAllLines(Path.Combine(directory.Path, "x.csv")).Length - 1);
    }
}
