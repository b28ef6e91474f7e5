using System.Text.Json;

namespace TorchFit.Tests.Cli;

public sealed class DiagnoseCliTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "torchfit-diag-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Should_Print_The_Spectrum_And_Steps_To_Target_As_Json()
    {
        var outcome = CliRunner.Run("diagnose", "--n", "40", "--d", "60", "--batch-size", "40", "--out", _directory, "--json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var root = json.RootElement;
        Assert.Equal(40, root.GetProperty("singularValues").GetArrayLength());
        foreach (var key in new[] { "lambdaMax", "lambdaMin", "kappa", "stableLearningRateLimit", "optimalLearningRate" })
            Assert.True(root.GetProperty(key).GetDouble() > 0, key);
        Assert.True(root.GetProperty("diagnosis").GetProperty("explanation").GetArrayLength() > 3);
        var settings = json.RootElement.GetProperty("settings");
        Assert.True(settings.GetArrayLength() >= 3);
        Assert.Equal(JsonValueKind.Number, settings[0].GetProperty("stepsToTarget").ValueKind);
        Assert.True(File.Exists(Path.Combine(_directory, "diagnosis.json")));
        Assert.True(File.Exists(Path.Combine(_directory, "spectrum.png")));
    }

    [Fact]
    public void Should_Verify_The_Prediction_Against_Float64_Training_And_Plot_Both()
    {
        // When diagnose --verify trains the question's kind of run (full batch) in float64
        var outcome = CliRunner.Run("diagnose", "--n", "40", "--d", "60", "--batch-size", "40", "--epochs", "500", "--dtype", "float64",
            "--verify", "--device", "cpu", "--out", _directory, "--json");

        // Then the predicted curve matches the measured one and both are drawn
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var verification = json.RootElement.GetProperty("verification");
        Assert.Equal(500, verification.GetProperty("epochs").GetInt32());
        Assert.True(verification.GetProperty("exact").GetBoolean());
        Assert.True(verification.GetProperty("largestRelativeGap").GetDouble() <= 1e-3);
        Assert.True(new FileInfo(Path.Combine(_directory, "predicted-vs-measured.png")).Length > 10_000);
        Assert.True(File.Exists(Path.Combine(_directory, "predicted-vs-measured.svg")));
    }

    [Fact]
    public void Should_Reject_A_Non_Positive_Target()
    {
        var outcome = CliRunner.Run("diagnose", "--target", "0");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--target must be a finite MSE > 0", outcome.Error, StringComparison.Ordinal);
    }
}

public sealed class SolveCliTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "torchfit-solve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Should_Report_Predicted_And_Measured_Epochs_Per_Row_With_Null_When_Not_Reached()
    {
        var outcome = CliRunner.Run("solve", "--n", "40", "--d", "60", "--compare-epochs", "20", "--lbfgs-epochs", "0",
            "--device", "cpu", "--out", _directory, "--json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(outcome.Output);
        var rows = json.RootElement.GetProperty("rows");
        Assert.Equal(3, rows.GetArrayLength());
        foreach (var row in rows.EnumerateArray())
            foreach (var key in new[] { "name", "predictedEpochs", "epochsToTarget", "finalMse", "dtype", "seconds" })
                Assert.True(row.TryGetProperty(key, out _), key);
        Assert.True(rows[0].GetProperty("finalMse").GetDouble() <= 1e-10);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].GetProperty("epochsToTarget").ValueKind);   // 20 epochs of lr 0.01: not reached
        Assert.True(File.Exists(Path.Combine(_directory, "solve.json")));
    }
}
