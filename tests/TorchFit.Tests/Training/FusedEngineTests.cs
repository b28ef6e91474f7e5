using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Training;

public class FusedEngineTests
{
    [Theory]
    [InlineData(32, 0.0, false)]
    [InlineData(32, 0.9, false)]
    [InlineData(32, 0.9, true)]
    [InlineData(200, 0.0, false)]
    [InlineData(7, 0.5, true)]
    public void Should_Match_The_Keras_Engine_Per_Epoch_In_Float64(int batchSize, double momentum, bool nesterov)
    {
        // Given the same seeded settings (shuffles, partial last batches, momentum rules)
        var problem = ProblemGenerator.Uniform(200, 30, 9);
        var options = new TrainingOptions
        {
            BatchSize = batchSize, Momentum = momentum, Nesterov = nesterov, Epochs = 20, LearningRate = 0.01,
            Precision = Precision.Float64, Device = "cpu", Seed = 3,
        };

        // When both engines train
        var keras = Run.Keras(problem, options);
        var fused = Run.Fused(problem, options);

        // Then every epoch's MSE and History, and the final weights, agree to 1e-10 relative
        Assert.Equal(keras.InitialWeights, fused.InitialWeights);
        for (int e = 0; e < 20; e++)
        {
            Assert.Equal(keras.FullMse[e], fused.FullMse[e], keras.FullMse[e] * 1e-10);
            Assert.Equal(keras.HistoryLoss[e], fused.HistoryLoss[e], keras.HistoryLoss[e] * 1e-10);
        }
        for (int j = 0; j < 30; j++) Assert.Equal(keras.Weights[j], fused.Weights[j], 1e-10 * Math.Max(1, Math.Abs(keras.Weights[j])));
    }

    [Fact]
    public void Should_Match_The_Keras_Engine_Within_Float32_Rounding()
    {
        var problem = ProblemGenerator.Uniform(200, 300, 0);
        var options = new TrainingOptions { BatchSize = 32, Epochs = 50, Device = "cpu" };

        var keras = Run.Keras(problem, options);
        var fused = Run.Fused(problem, options);

        for (int e = 0; e < 50; e++) Assert.Equal(keras.FullMse[e], fused.FullMse[e], keras.FullMse[e] * 1e-3);
    }

    [NoCudaFact]
    public void Should_Say_Clearly_When_Cuda_Is_Asked_For_But_Missing()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            Run.Fused(ProblemGenerator.Uniform(4, 3, 0), new TrainingOptions { Device = "cuda" }));
        Assert.Contains("CUDA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Leave_Live_Tensors_Behind()
    {
        var problem = ProblemGenerator.Uniform(20, 10, 0);
        Run.Fused(problem, new TrainingOptions { Epochs = 2, Device = "cpu" });
        long before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        Run.Fused(problem, new TrainingOptions { Epochs = 1_000, BatchSize = 2, Momentum = 0.5, Device = "cpu" });   // 10,000 steps

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}

public class FusedEngineDeviceTests
{
    [Fact]
    public void Should_Run_On_The_Cpu_When_The_Device_Is_Auto()
    {
        var result = Run.Fused(ProblemGenerator.Uniform(8, 4, 0), new TrainingOptions { Epochs = 3, Device = "auto" });
        Assert.Equal("cpu", result.Device);
        Assert.Equal(3, result.EpochsCompleted);
    }
}
