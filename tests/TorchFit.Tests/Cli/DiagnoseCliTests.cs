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
        var spectrum = json.RootElement.GetProperty("spectrum");
        Assert.Equal(40, spectrum.GetProperty("singularValues").GetArrayLength());
        foreach (var key in new[] { "lambdaMax", "lambdaMin", "kappa", "stableLearningRateLimit", "optimalLearningRate" })
            Assert.True(spectrum.GetProperty(key).GetDouble() > 0, key);
        var settings = json.RootElement.GetProperty("settings");
        Assert.True(settings.GetArrayLength() >= 3);
        Assert.Equal(JsonValueKind.Number, settings[0].GetProperty("stepsToTarget").ValueKind);
        Assert.True(File.Exists(Path.Combine(_directory, "diagnosis.json")));
    }

    [Fact]
    public void Should_Reject_A_Non_Positive_Target()
    {
        var outcome = CliRunner.Run("diagnose", "--target", "0");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--target must be a number > 0", outcome.Error, StringComparison.Ordinal);
    }
}
