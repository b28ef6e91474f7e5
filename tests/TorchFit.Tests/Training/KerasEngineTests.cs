using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Training;

public class KerasEngineTests
{
    private static readonly TrainingOptions Float64NoShuffle = new()
    {
        Precision = Precision.Float64, Shuffle = false, Device = "cpu", LearningRate = 0.01,
    };

    [Fact]
    public void Should_Take_The_Hand_Computed_Sgd_Step()
    {
        // Given a 5×4 problem, one full-batch float64 step
        var problem = ProblemGenerator.Uniform(5, 4, 7);
        var result = Run.Keras(problem, Float64NoShuffle with { BatchSize = 5, Epochs = 1 });

        // When we compute w₁ = w₀ − η·(2/n)·Aᵀ(A·w₀ − b) by hand
        var a = problem.Matrix.ToArray();
        var b = problem.Target.ToArray();
        var w0 = result.InitialWeights;
        var expected = (double[])w0.Clone();
        for (int i = 0; i < 5; i++)
        {
            double r = -b[i];
            for (int j = 0; j < 4; j++) r += a[i * 4 + j] * w0[j];
            for (int j = 0; j < 4; j++) expected[j] -= 0.01 * 2.0 / 5 * r * a[i * 4 + j];
        }

        // Then the trainer's weights are the same
        for (int j = 0; j < 4; j++) Assert.Equal(expected[j], result.Weights[j], 1e-14);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.9, false)]
    [InlineData(0.9, true)]
    public void Should_Follow_The_Keras_Equations_With_Momentum_And_Partial_Batches(double momentum, bool nesterov)
    {
        // Given 40 rows at batch 16 (two of 16, one partial of 8), three epochs, rows in order
        var problem = ProblemGenerator.Uniform(40, 9, 3);
        var options = Float64NoShuffle with { BatchSize = 16, Epochs = 3, Momentum = momentum, Nesterov = nesterov, LearningRate = 0.05 };

        // When TorchSharp's SGD trains and Keras 3's update rule is replayed from the same w₀
        var result = Run.Keras(problem, options);
        var keras = KerasReference.Fit(problem, options with { InitialWeights = result.InitialWeights });

        // Then weights and History agree epoch by epoch
        for (int j = 0; j < 9; j++) Assert.Equal(keras.FinalWeights[j], result.Weights[j], 1e-12);
        for (int e = 0; e < 3; e++) Assert.Equal(keras.HistoryLoss[e], result.HistoryLoss[e], 1e-12);
    }

    [Fact]
    public void Should_Record_History_Loss_Before_Updates_And_Full_Mse_After_The_Epoch()
    {
        // Given one epoch of 200 rows at batch 32 (7 steps, the last over 8 rows)
        var problem = ProblemGenerator.Uniform(200, 30, 11);
        var options = Float64NoShuffle with { BatchSize = 32, Epochs = 1 };
        var result = Run.Keras(problem, options);
        var keras = KerasReference.Fit(problem, options with { InitialWeights = result.InitialWeights });

        // Then History is the batch-size-weighted mean of the pre-update batch losses…
        Assert.Equal(keras.HistoryLoss[0], result.HistoryLoss[0], 1e-13);
        // …and the full-data MSE is measured on the weights after the epoch, which differs
        Assert.Equal(problem.MeanSquaredError(result.Weights), result.FullMse[0], 1e-13);
        Assert.NotEqual(result.HistoryLoss[0], result.FullMse[0], 6);
    }

    [Fact]
    public void Should_Repeat_Shuffles_For_The_Same_Seed_And_Change_Them_For_Another()
    {
        var problem = ProblemGenerator.Uniform(64, 10, 1);
        var options = new TrainingOptions { BatchSize = 8, Epochs = 3, Device = "cpu", Seed = 5 };

        var first = Run.Keras(problem, options);
        var again = Run.Keras(problem, options);
        var other = Run.Keras(problem, options with { Seed = 6 });
        var sameInitOtherOrder = Run.Keras(problem, options with { Shuffle = false });

        Assert.Equal(first.Weights, again.Weights);
        Assert.Equal(first.FullMse, again.FullMse);
        Assert.NotEqual(first.Weights, other.Weights);
        Assert.Equal(first.InitialWeights, sameInitOtherOrder.InitialWeights);
        Assert.NotEqual(first.Weights, sameInitOtherOrder.Weights);
    }

    [Theory]
    [InlineData(WeightInit.Glorot, 0.14118624159)]  // √(6/301)
    [InlineData(WeightInit.Torch, 0.05773502692)]   // 1/√300
    public void Should_Draw_Initial_Weights_Within_The_Initializer_Bounds(WeightInit init, double bound)
    {
        var result = Run.Keras(ProblemGenerator.Uniform(4, 300, 0), new TrainingOptions { Init = init, Epochs = 1, Device = "cpu" });

        Assert.All(result.InitialWeights, w => Assert.InRange(w, -bound, bound));
        // 300 uniform draws: the extremes come close to the bound, so this is the bound, not a smaller one
        Assert.True(result.InitialWeights.Max(Math.Abs) > 0.95 * bound);
    }

    [Fact]
    public void Should_Report_Divergence_Above_The_Stability_Limit()
    {
        // Given lr 0.05 on the 200×300 problem: 2/λ_max ≈ 0.0133, so full-batch GD blows up
        var result = Run.Keras(ProblemGenerator.Uniform(200, 300, 0),
            new TrainingOptions { LearningRate = 0.05, BatchSize = 200, Epochs = 500, Device = "cpu" });

        Assert.Equal(TrainingStop.Diverged, result.Stop);
        Assert.NotNull(result.DivergedAtEpoch);
        Assert.True(result.DivergedAtEpoch < 500);
    }

    [Fact]
    public void Should_Stop_And_Keep_Nothing_Half_Done_When_Cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var result = Run.Keras(ProblemGenerator.Uniform(10, 5, 0), new TrainingOptions { Epochs = 100, Device = "cpu" }, null, cancelled.Token);

        Assert.Equal(TrainingStop.Cancelled, result.Stop);
        Assert.Equal(0, result.EpochsCompleted);
        Assert.Equal(result.InitialMse, result.FinalMse);
    }

    [Fact]
    public void Should_Not_Leave_Live_Tensors_Behind()
    {
        // Given the live-tensor count of this thread before training
        var problem = ProblemGenerator.Uniform(20, 10, 0);
        Run.Keras(problem, new TrainingOptions { Epochs = 2, Device = "cpu" });   // warm-up
        long before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        // When 10,000 steps run (1,000 epochs × 10 batches), with momentum
        Run.Keras(problem, new TrainingOptions { Epochs = 1_000, BatchSize = 2, Momentum = 0.5, Device = "cpu" });

        // Then no tensor is left alive
        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Theory]
    [InlineData(0.0, 32, 1, 0.0, false)]
    [InlineData(0.01, 0, 1, 0.0, false)]
    [InlineData(0.01, 32, 0, 0.0, false)]
    [InlineData(0.01, 32, 1, 1.0, false)]
    [InlineData(0.01, 32, 1, 0.0, true)]
    public void Should_Reject_Invalid_Options(double learningRate, int batchSize, int epochs, double momentum, bool nesterov)
    {
        var options = new TrainingOptions { LearningRate = learningRate, BatchSize = batchSize, Epochs = epochs, Momentum = momentum, Nesterov = nesterov };
        Assert.Throws<InvalidInputException>(() => Run.Keras(ProblemGenerator.Uniform(4, 3, 0), options));
    }
}
