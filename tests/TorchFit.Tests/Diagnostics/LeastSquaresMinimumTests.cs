using TorchFit.Baselines;
using TorchFit.Diagnostics;
using TorchFit.Prescriptions;
using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Diagnostics;

public class LeastSquaresMinimumTests
{
    [Theory]
    [InlineData(200, 300, 0u)]   // the question's problem: rank 200, b inside the column space
    [InlineData(40, 60, 3u)]
    [InlineData(30, 30, 1u)]
    public void Should_Find_No_Part_Of_B_Outside_The_Column_Space_Of_A_Full_Row_Rank_Matrix(int rows, int columns, uint seed)
    {
        // Given a problem whose A has rank n, so every b is reachable
        var decomposition = ProblemDecomposition.Of(ProblemGenerator.Uniform(rows, columns, seed));
        Assert.Equal(rows, decomposition.Spectrum.Rank);

        // When the part of b outside A's column space is measured, alone and inside the error modes
        var modes = decomposition.Modes(new double[columns]);

        // Then it is 0, not float64 cancellation (‖r‖² − ‖Uᵀr‖² gave 3.55e-16 as an MSE on the question's problem),
        // and full-batch GD reaches a target far below that
        Assert.Equal(0, decomposition.UnreachableSquaredNorm);
        Assert.Equal(0, decomposition.LeastSquaresMinimum);
        Assert.Equal(0, modes.UnreachableSquaredNorm);
        Assert.NotNull(modes.GradientDescentStepsTo(1e-20, 0.5 * decomposition.Spectrum.StableLearningRateLimit));
    }

    [Theory]
    [InlineData(60, 20, 1u)]
    [InlineData(300, 200, 0u)]
    public void Should_Equal_The_Mse_Of_The_Least_Squares_Solution_On_An_Overdetermined_Problem(int rows, int columns, uint seed)
    {
        // Given more equations than unknowns: b has a part no weights reach
        var problem = ProblemGenerator.Uniform(rows, columns, seed);

        // When the least-squares minimum is computed from the SVD
        double minimum = ProblemDecomposition.Of(problem).LeastSquaresMinimum;

        // Then it is the MSE of lstsq's solution, to 1e-9 relative
        double lstsq = problem.MeanSquaredError(LeastSquares.Solve(problem, "cpu").Solution);
        Assert.True(lstsq > 1e-3, $"lstsq MSE {lstsq}");
        Assert.Equal(lstsq, minimum, lstsq * 1e-9);
    }

    [Fact]
    public void Should_Not_Call_A_Float64_Target_Unreachable_When_It_Is_Reached()
    {
        // Given a float64 solve aiming below the old cancellation "minimum" (≈ 1e-17 on this problem)
        var problem = ProblemGenerator.Uniform(40, 60, 3);
        var report = Solver.Solve(problem, new SolveOptions
        {
            Target = 1e-20, Precision = Precision.Float64, MaxEpochs = 6_000, ComparisonEpochs = 0, LbfgsEpochs = 0,
            Engine = TrainingEngine.Fused, Device = "cpu",
        });

        // Then no note says the target is out of reach, the notes speak of float64 only, and the run reaches it as predicted
        Assert.Equal(0, report.LeastSquaresMinimum);
        Assert.DoesNotContain(report.Notes, n => n.Contains("least-squares minimum", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Notes, n => n.Contains("float32", StringComparison.Ordinal));
        Assert.NotNull(report.Rows[0].PredictedEpochs);
        Assert.NotNull(report.Rows[0].EpochsToTarget);
        Assert.True(report.Rows[0].BestMse <= 1e-20, $"best MSE {report.Rows[0].BestMse}");
    }
}
