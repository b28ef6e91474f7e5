using TorchFit.Diagnostics;
using TorchFit.Problems;
using TorchFit.Training;

using TorchFit.Tests.Training;

namespace TorchFit.Tests.Diagnostics;

public class PredictedCurveTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.9, false)]
    [InlineData(0.9, true)]
    public void Should_Predict_Full_Batch_Training_Within_1e6_Relative_Over_1000_Steps(double momentum, bool nesterov)
    {
        // Given a 60×90 problem (κ in the thousands) and float64 full-batch training
        var problem = ProblemGenerator.Uniform(60, 90, 4);
        var decomposition = ProblemDecomposition.Of(problem);
        double learningRate = 0.5 * decomposition.Spectrum.StableLearningRateLimit;
        var trained = Run.Keras(problem, new TrainingOptions
        {
            LearningRate = learningRate, Momentum = momentum, Nesterov = nesterov, BatchSize = 60, Epochs = 1_000,
            Precision = Precision.Float64, Device = "cpu",
        });

        // When the curve is predicted from the SVD and the same w₀, without training
        var modes = decomposition.Modes(trained.InitialWeights);
        var predicted = modes.MomentumCurve(learningRate, momentum, nesterov, 1_000);

        // Then every epoch agrees to 1e-6 relative
        Assert.Equal(trained.InitialMse, modes.InitialMse, trained.InitialMse * 1e-10);
        for (int k = 0; k < 1_000; k++)
            Assert.True(Math.Abs(predicted[k] - trained.FullMse[k]) <= 1e-6 * trained.FullMse[k],
                $"step {k + 1}: predicted {predicted[k]}, trained {trained.FullMse[k]}");
        if (momentum == 0)
            Assert.Equal(predicted[999], modes.GradientDescentMse(learningRate, 1_000), predicted[999] * 1e-9);
    }

    [Fact]
    public void Should_Find_The_First_Step_Below_The_Target()
    {
        var modes = ProblemDecomposition.Of(ProblemGenerator.Uniform(30, 40, 5)).Modes(new double[40]);
        const double learningRate = 0.01, target = 1e-6;

        long steps = modes.GradientDescentStepsTo(target, learningRate)!.Value;

        Assert.True(modes.GradientDescentMse(learningRate, steps) <= target);
        Assert.True(modes.GradientDescentMse(learningRate, steps - 1) > target);
    }

    [Fact]
    public void Should_Report_A_Learning_Rate_Above_The_Limit_As_Diverging()
    {
        // Given the question's problem and lr 0.05, above 2/λ_max ≈ 0.0134
        var diagnosis = Diagnoser.Diagnose(ProblemGenerator.Uniform(200, 300, 0), new TrainingOptions { LearningRate = 0.05, BatchSize = 200 });

        // Then the analysis says it diverges and never reaches the target…
        var yours = diagnosis.Settings[0];
        Assert.True(yours.Diverges);
        Assert.Null(yours.StepsToTarget);
        Assert.True(yours.FastestModeContraction > 1);
        Assert.Contains(diagnosis.Explanation, line => line.Contains("never", StringComparison.Ordinal));
        // …and training with it is detected as diverging rather than printing NaN
        var trained = Run.Keras(ProblemGenerator.Uniform(200, 300, 0),
            new TrainingOptions { LearningRate = 0.05, BatchSize = 200, Epochs = 1_000, Device = "cpu" });
        Assert.Equal(TrainingStop.Diverged, trained.Stop);
    }

    [Fact]
    public void Should_Explain_The_Questions_Stall_With_Computed_Numbers()
    {
        // Given the question's settings: lr 0.01, full batch, 10,000 epochs, 200×300
        var diagnosis = Diagnoser.Diagnose(ProblemGenerator.Uniform(200, 300, 0),
            new TrainingOptions { LearningRate = 0.01, BatchSize = 200, Epochs = 10_000 });
        var yours = diagnosis.Settings[0];
        var batch32 = diagnosis.Settings.Single(s => s.BatchSize == 32);

        // Then 10,000 steps are too few, lr 0.01 sits near the limit, and batch 32 gets 7 steps per epoch
        Assert.InRange(yours.FractionOfStabilityLimit, 0.6, 0.9);
        Assert.True(yours.StepsToTarget > 10_000);
        Assert.Equal(7, batch32.StepsPerEpoch);
        Assert.True(batch32.EpochsToTarget < yours.EpochsToTarget / 5);
        Assert.Contains(diagnosis.Explanation, line => line.Contains("that is the stall", StringComparison.Ordinal));
        Assert.Contains(diagnosis.Explanation, line => line.Contains("not input_shape", StringComparison.Ordinal));
        Assert.InRange(diagnosis.Spectrum.Kappa, 5_000, 50_000);
    }
}
