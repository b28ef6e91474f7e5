using System.Text.Json;
using TorchFit.Training.Batched;

namespace TorchFit.Tests.Cli;

public sealed class BenchCliTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "torchfit-bench-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Should_Report_Each_Engine_And_The_Floors_As_Json()
    {
        // When a very short bench runs (the figures are not asserted: speed belongs to the bench itself)
        var outcome = CliRunner.Run("bench", "--epochs", "8", "--large", "400x600", "--out", _directory, "--json");

        // Then the JSON has one row per engine, optimizer and batch size, and both floors
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var results = json.RootElement.GetProperty("results");
        // (K = 64 runs a second time with its columns split over the cores when there are several)
        int split = ColumnParts.DefaultThreads(64);
        string[] expected = ["keras/sgd/32/1/1", "keras/sgd/200/1/1", "fused/sgd/32/1/1", "fused/sgd/200/1/1", "batched/sgd/32/1/1", "batched/sgd/32/8/1",
            "batched/sgd/32/64/1", .. split > 1 ? [$"batched/sgd/32/64/{split}"] : Array.Empty<string>(),
            "keras/adam/32/1/1", "fused/adam/32/1/1", "batched/adam/32/64/1", .. split > 1 ? [$"batched/adam/32/64/{split}"] : Array.Empty<string>(),
            "fused (steps only)/sgd/32/1/1"];
        Assert.Equal(expected, results.EnumerateArray().Select(r => $"{r.GetProperty("engine").GetString()}/{r.GetProperty("optimizer").GetString()}/"
            + $"{r.GetProperty("batchSize").GetInt32()}/{r.GetProperty("configurations").GetInt32()}/{r.GetProperty("threads").GetInt32()}"));
        Assert.Equal([.. Enumerable.Repeat(200, expected.Length - 1), 400], results.EnumerateArray().Select(r => r.GetProperty("n").GetInt32()));
        foreach (var r in results.EnumerateArray())
        {
            Assert.Equal("cpu", r.GetProperty("device").GetString());
            Assert.True(r.GetProperty("microsecondsPerStep").GetDouble() > 0);
        }
        var limits = json.RootElement.GetProperty("limits");
        Assert.True(limits.GetProperty("gemvMicroseconds").GetDouble() > 0);
        Assert.True(limits.GetProperty("matmulGflops").GetDouble() > 0);
        Assert.Equal([300, 600], limits.GetProperty("gemv").EnumerateArray().Select(g => g.GetProperty("d").GetInt32()));
        Assert.True(File.Exists(Path.Combine(_directory, "bench.json")));
    }
}
