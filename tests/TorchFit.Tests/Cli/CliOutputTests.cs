using System.Buffers.Binary;
using System.Text.Json;

namespace TorchFit.Tests.Cli;

public sealed class CliOutputTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "torchfit-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Should_Write_Train_Results_And_Print_Json()
    {
        // When a short training run asks for JSON
        var outcome = CliRunner.Run("train", "--n", "20", "--d", "30", "--epochs", "50", "--device", "cpu", "--out", _directory, "--json");

        // Then stdout is the summary document, and the files are in place
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var row = json.RootElement.GetProperty("cases")[0];
        Assert.Equal("sgd", row.GetProperty("method").GetString());
        Assert.Equal(20, row.GetProperty("n").GetInt32());
        Assert.Equal(32, row.GetProperty("batchSize").GetInt32());
        Assert.Equal("float32", row.GetProperty("dtype").GetString());
        Assert.Equal("cpu", row.GetProperty("device").GetString());
        Assert.True(row.GetProperty("mse").GetDouble() < 1);
        Assert.Equal("cpu", json.RootElement.GetProperty("device").GetString());
        foreach (var file in new[] { "summary.json", "summary.csv", "loss-curves.png", "loss-curves.svg", row.GetProperty("historyFile").GetString()! })
            Assert.True(File.Exists(Path.Combine(_directory, file)), file);
        Assert.Equal(51, File.ReadAllLines(Path.Combine(_directory, row.GetProperty("historyFile").GetString()!)).Length);
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp*"));
    }

    [Fact]
    public void Should_Solve_Lstsq_And_Report_It()
    {
        var outcome = CliRunner.Run("lstsq", "--n", "2", "--d", "3", "--out", _directory, "--device", "cpu");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("2×3 lstsq", outcome.Console, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "summary.json")));
        Assert.True(json.RootElement.GetProperty("cases")[0].GetProperty("mse").GetDouble() <= 1e-25);
    }

    [Fact]
    public void Should_Draw_The_Loss_Curves_As_A_Png_Of_The_Requested_Size()
    {
        // When reproduce runs (short) and draws its chart
        var outcome = CliRunner.Run("reproduce", "--epochs", "20", "--device", "cpu", "--out", _directory);
        Assert.Equal(0, outcome.ExitCode);

        // Then loss-curves.png is a real PNG of 1000×600 pixels
        byte[] png = File.ReadAllBytes(Path.Combine(_directory, "loss-curves.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal(1000, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(600, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True(png.Length > 10_000);
        Assert.Contains("question's MSE", outcome.Console, StringComparison.Ordinal);
    }
}
