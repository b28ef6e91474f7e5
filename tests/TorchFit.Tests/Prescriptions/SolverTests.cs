using TorchFit.Prescriptions;
using TorchFit.Problems;
using TorchFit.Training;

using TorchFit.Tests.Training;

namespace TorchFit.Tests.Prescriptions;

public class SolverTests
{
    private static readonly SolveOptions PrescriptionOnly = new() { ComparisonEpochs = 0, LbfgsEpochs = 0, Device = "cpu" };

    [Theory]
    [InlineData(200, 300)]   // the question's shape
    [InlineData(100, 150)]
    [InlineData(60, 240)]
    public void Should_Reach_1e10_In_Float32_Full_Batch_Within_3000_Epochs(int rows, int columns)
    {
        // Given a seeded uniform problem and the float32 Keras-faithful trainer
        var report = Solver.Solve(ProblemGenerator.Uniform(rows, columns, 0), PrescriptionOnly);

        // Then the prescription, measured, reaches the target within the budget, near its prediction
        var row = report.Rows[0];
        Assert.Equal("float32", row.Dtype);
        Assert.NotNull(row.EpochsToTarget);
        Assert.True(row.EpochsToTarget <= 3_000, $"{row.EpochsToTarget} epochs");
        Assert.True(row.FinalMse <= 1e-10, $"final MSE {row.FinalMse}");
        Assert.NotNull(row.PredictedEpochs);
        Assert.InRange(row.EpochsToTarget!.Value, row.PredictedEpochs!.Value * 0.8, row.PredictedEpochs.Value * 1.5 + 20);
    }

    [Fact]
    public void Should_Say_When_No_Weights_Reach_The_Target()
    {
        // Given an over-determined problem: b is not in A's column space
        var report = Solver.Solve(ProblemGenerator.Uniform(60, 20, 1), PrescriptionOnly with { MaxEpochs = 200 });

        Assert.True(report.LeastSquaresMinimum > 1e-3);
        Assert.Contains(report.Notes, n => n.Contains("least-squares minimum", StringComparison.Ordinal));
        Assert.Null(report.Rows[0].EpochsToTarget);
    }

    [Fact]
    public void Should_Say_When_The_Target_Is_Below_What_Float32_Can_Represent()
    {
        var report = Solver.Solve(ProblemGenerator.Uniform(20, 30, 2), PrescriptionOnly with { Target = 1e-25, MaxEpochs = 200 });
        Assert.Contains(report.Notes, n => n.Contains("float64", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Compare_With_The_Questions_Settings_And_Lbfgs()
    {
        // Given short comparison runs on a small problem (not the question's)
        var report = Solver.Solve(ProblemGenerator.Uniform(40, 60, 3), new SolveOptions { ComparisonEpochs = 50, LbfgsEpochs = 30, Device = "cpu" });

        // Then the rows are the prescription, the question's two settings named by their settings, and L-BFGS, each measured
        Assert.StartsWith("prescribed: tuned heavy ball", report.Rows[0].Name, StringComparison.Ordinal);
        Assert.Equal(["lr 0.01, full batch", "lr 0.01, batch 32", "L-BFGS"], report.Rows.Skip(1).Select(r => r.Name));
        Assert.All(report.Rows, r => Assert.True(r.EpochsRun > 0 && r.Seconds >= 0));
        Assert.True(report.Rows[3].BestMse < report.Rows[1].BestMse, "L-BFGS should beat 50 epochs of plain full-batch SGD");
    }

    [Fact]
    public void Should_Call_The_Comparison_Rows_Question_And_Answer_On_The_Questions_Problem_Only()
    {
        // Given the question's problem and a few comparison epochs
        var report = Solver.Solve(ProblemGenerator.Uniform(200, 300, 0),
            PrescriptionOnly with { MaxEpochs = 10, ComparisonEpochs = 2, Engine = TrainingEngine.Fused });

        // Then its rows carry the question's and the answer's names
        Assert.Equal(["question: lr 0.01, full batch", "answer: lr 0.01, batch 32"], report.Rows.Skip(1).Select(r => r.Name));
    }

    [Fact]
    public void Should_Say_Heavy_Ball_Reached_The_Target_On_Its_Own_When_It_Did()
    {
        // Given a float32 solve whose heavy-ball phase reaches the default target (measured with PyTorch's momentum formula:
        // 1,090 of 1,143 predicted epochs; Keras' rounds differently and ends at 2.51e-10 there)
        var report = Solver.Solve(ProblemGenerator.Uniform(200, 300, 0),
            PrescriptionOnly with { Engine = TrainingEngine.Fused, Semantics = OptimizerSemantics.Torch });

        // Then the row and the notes say the plain-GD phase did not run, rather than that the schedule switched to it
        Assert.Equal("prescribed: tuned heavy ball", report.Rows[0].Name);
        Assert.DoesNotContain(", then plain GD", report.Rows[0].Description, StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.Contains("reached the target on its own", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Notes, n => n.Contains("switched to plain GD", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Say_Why_The_Schedule_Switched_To_Plain_Gd_When_It_Did()
    {
        // Given a float32 solve whose heavy-ball phase stops above the target (measured with PyTorch's momentum formula: 1.95e-10
        // after the 485 predicted epochs)
        var report = Solver.Solve(ProblemGenerator.Uniform(50, 80, 0),
            PrescriptionOnly with { Engine = TrainingEngine.Fused, Semantics = OptimizerSemantics.Torch });

        // Then the row names both phases and the note gives the float32 reason for the switch
        Assert.Equal("prescribed: tuned heavy ball, then plain GD", report.Rows[0].Name);
        string note = Assert.Single(report.Notes, n => n.Contains("switched to plain GD", StringComparison.Ordinal));
        Assert.Contains("amplifies float32 rounding", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Continue_From_Given_Weights_With_A_Fresh_Optimizer()
    {
        // Given a run split in two (as a Keras recompile between fits), in float64, full batch, no momentum
        var problem = ProblemGenerator.Uniform(30, 40, 4);
        var options = new TrainingOptions { BatchSize = 30, Precision = Precision.Float64, Device = "cpu", LearningRate = 0.005 };
        var whole = Run.Keras(problem, options with { Epochs = 20 });
        var firstHalf = Run.Keras(problem, options with { Epochs = 10 });
        var secondHalf = Run.Keras(problem, options with { Epochs = 10, InitialWeights = firstHalf.Weights });

        // Then plain GD (no optimizer state) lands on the same weights
        for (int j = 0; j < 40; j++) Assert.Equal(whole.Weights[j], secondHalf.Weights[j], 1e-13);
    }

    [Fact]
    public void Should_Stop_At_The_Target_Mse()
    {
        var result = Run.Keras(ProblemGenerator.Uniform(10, 20, 5),
            new TrainingOptions { BatchSize = 10, Epochs = 5_000, StopAtMse = 1e-3, Device = "cpu" });
        Assert.Equal(TrainingStop.ReachedTarget, result.Stop);
        Assert.True(result.FinalMse <= 1e-3);
        Assert.True(result.FullMse[..^1].All(m => m > 1e-3));
    }
}

public class FloorEstimateTests
{
    [Theory]
    [InlineData(100, 150)]
    [InlineData(40, 60)]
    public void Should_Estimate_The_Measured_Float32_Floor_Within_A_Factor_Of_Two_Of_Its_Range(int rows, int columns)
    {
        // Given a run that aims far below anything float32 can reach
        var report = Solver.Solve(ProblemGenerator.Uniform(rows, columns, 0),
            new SolveOptions { Target = 1e-30, MaxEpochs = 3_000, ComparisonEpochs = 0, LbfgsEpochs = 0, Device = "cpu" });

        // Then the lowest MSE it measured lies in the estimated range (order-of-magnitude ends, so within 2×)
        double best = report.Rows[0].BestMse;
        Assert.InRange(best, report.RoundingFloor.Low / 2, report.RoundingFloor.High * 2);
    }
}
