using System.Text.Json;
using TorchFit.Problems.Files;

namespace TorchFit.Tests.Cli;

/// <summary>train's weights in and out, as Keras' get_weights and set_weights.</summary>
public class WeightsCliTests
{
    [Fact]
    public void Should_Write_The_Weights_And_Continue_From_Them()
    {
        // Given a float32 Adam run with a bias
        using var directory = new TempDirectory("torchfit-weights-cli");
        string first = Path.Combine(directory.Path, "first"), second = Path.Combine(directory.Path, "second");
        var run = CliRunner.Run("train", "--optimizer", "adam", "--use-bias", "--engine", "fused", "--epochs", "20", "--no-plots", "--json", "--out", first);
        Assert.Equal(0, run.ExitCode);

        // Then it wrote where it started (bias 0, as Keras) and where it ended, in float32
        var start = KerasWeights.Read(Path.Combine(first, "initial-weights.npz"), 300);
        var end = KerasWeights.Read(Path.Combine(first, "weights.npz"), 300);
        Assert.Equal(0, start.Bias);
        Assert.NotEqual(0, end.Bias);
        Assert.All(end.Kernel, w => Assert.Equal(w, (float)w));
        double finalMse = JsonDocument.Parse(run.Output).RootElement.GetProperty("cases")[0].GetProperty("mse").GetDouble();

        // When a second run starts from weights.npz, then its starting MSE is the first run's final one
        var next = CliRunner.Run("train", "--optimizer", "adam", "--use-bias", "--engine", "fused", "--epochs", "1", "--no-plots",
            "--initial-weights", Path.Combine(first, "weights.npz"), "--out", second);
        Assert.Equal(0, next.ExitCode);
        Assert.Equal(end.Kernel, KerasWeights.Read(Path.Combine(second, "initial-weights.npz"), 300).Kernel);
        Assert.Contains($"MSE {finalMse:0.00e+00} →", next.Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--n", "10", "--d", "4" }, "kernel has shape (300, 1); this problem needs (4, 1)")]
    [InlineData(new string[0], "holds a bias, but the layer is bias-free; add --use-bias to train it")]
    public void Should_Refuse_Weights_That_Do_Not_Fit_In_One_Line(string[] problem, string message)
    {
        // Given weights with a bias for the 200×300 problem
        using var directory = new TempDirectory("torchfit-weights-cli");
        string file = Path.Combine(directory.Path, "w.npz");
        KerasWeights.Write(file, new KerasWeights(new double[300], 0.5), Precision.Float32);

        // When a bias-free train or one on another problem starts from them, then exit 2 with one line naming the file
        var outcome = CliRunner.Run(["train", "--epochs", "1", "--initial-weights", file, "--out", Path.Combine(directory.Path, "out"), .. problem]);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"torchfit: {file}: {message}", outcome.Error.TrimEnd());
        Assert.False(Directory.Exists(Path.Combine(directory.Path, "out")));
    }
}
