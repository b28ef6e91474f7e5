using System.Text.Json;
using TorchFit.Cli;
using TorchFit.Training;

namespace TorchFit.Tests.Cli;

/// <summary>
/// Option values at the edges of their types: a learning rate beyond float32, the largest epoch
/// count, and a value that does not convert at all. None ends in exit 1.
/// </summary>
public sealed class ExtremeOptionTests : IDisposable
{
    private readonly TempDirectory _directory = new("torchfit-extreme-");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("keras", "1e39")]
    [InlineData("keras", "1e308")]
    [InlineData("fused", "1e39")]
    [InlineData("fused", "1e308")]
    public void Should_Report_Divergence_For_A_Learning_Rate_Beyond_Float32_On_Every_Engine(string engine, string lr)
    {
        // Given a learning rate that float32 cannot hold, when train runs in float32
        var outcome = CliRunner.Run("train", "--n", "2", "--d", "3", "--epochs", "3", "--engine", engine, "--lr", lr,
            "--json", "--out", _directory.Combine(engine + lr));

        // Then, as Keras does (the rate cast to float32 is Infinity), the run diverges at epoch 1 (exit 3), not exit 1
        Assert.True(outcome.ExitCode == TorchFitApp.Diverged, $"exit {outcome.ExitCode}: {outcome.Error}");
        using var summary = JsonDocument.Parse(outcome.Output);
        var row = summary.RootElement.GetProperty("cases")[0];
        Assert.Equal("diverged", row.GetProperty("stop").GetString());
    }

    [Fact]
    public void Should_Not_Allocate_The_History_Of_The_Whole_Run_Up_Front()
    {
        // Given the largest epoch count, when an epoch log is started and one epoch recorded
        var log = new EpochLog(new TrainingOptions { Epochs = int.MaxValue }, 1.0, null);
        Assert.True(log.Record(0.5, 0.5));

        // Then it holds what ran, not 2³¹ slots
        var result = log.Finish("cpu", [0.0], [0.0]);
        Assert.Equal([0.5], result.FullMse);
    }

    [Fact]
    public void Should_Start_A_Run_Of_The_Largest_Epoch_Count_And_Stop_When_Cancelled()
    {
        // Given --epochs 2147483647 and an interruption before the first epoch
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // When train starts, then it is interrupted (130), not out of memory (1)
        var outcome = CliRunner.RunWith(cancellation.Token, "train", "--n", "2", "--d", "3", "--engine", "keras", "--epochs", "2147483647",
            "--out", _directory.Combine("long"));
        Assert.Equal(130, outcome.ExitCode);
        Assert.DoesNotContain("OutOfMemory", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "--epochs", "1e10", "--epochs: '1e10' is not a whole number from -2,147,483,648 to 2,147,483,647")]
    [InlineData("train", "--epochs", "99999999999", "--epochs: '99999999999' is not a whole number")]
    [InlineData("train", "--batch-size", "1.5", "--batch-size: '1.5' is not a whole number")]
    [InlineData("train", "--lr", "fast", "--lr: 'fast' is not a number")]
    [InlineData("train", "--n", "x", "--n: 'x' is not a number")]
    [InlineData("train", "--seed", "-1", "--seed: '-1' is not a whole number from 0 to 4,294,967,295")]
    [InlineData("sweep", "--epochs", "1e10", "--epochs: '1e10' is not a whole number")]
    public void Should_Name_The_Option_Whose_Value_Does_Not_Convert(string verb, string option, string value, string message)
    {
        // Given a value that is not of the option's type
        foreach (var args in new[] { new[] { verb, option, value }, [verb, $"{option}={value}"] })
        {
            // When the verb is parsed, then the one line names the option and what it takes
            var outcome = CliRunner.Run([.. args, "--out", _directory.Combine("never")]);
            Assert.Equal(2, outcome.ExitCode);
            Assert.Equal("torchfit: " + message, outcome.Error.TrimEnd()[..("torchfit: " + message).Length]);
            Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        }
    }
}
