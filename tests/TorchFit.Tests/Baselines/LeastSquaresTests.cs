using TorchFit.Baselines;
using TorchFit.Problems;

namespace TorchFit.Tests.Baselines;

public class LeastSquaresTests
{
    [Theory]
    [InlineData(20, 30, 1u)]   // under-determined
    [InlineData(25, 25, 2u)]   // square
    [InlineData(40, 12, 3u)]   // over-determined
    [InlineData(200, 300, 0u)] // the question's shape
    public void Should_Agree_With_The_Pseudo_Inverse(int rows, int columns, uint seed)
    {
        // Given a seeded random system
        var problem = ProblemGenerator.Uniform(rows, columns, seed);

        // When it is solved by lstsq and by pinv
        var lstsq = LeastSquares.Solve(problem, "cpu");
        var pinv = LeastSquares.SolveWithPseudoInverse(problem, "cpu");

        // Then both give the same minimum-norm solution and MSE
        for (int j = 0; j < columns; j++) Assert.Equal(pinv.Solution[j], lstsq.Solution[j], 1e-8);
        Assert.Equal(pinv.SolutionNorm, lstsq.SolutionNorm, 1e-8);
        Assert.Equal(pinv.Mse, lstsq.Mse, 1e-12);
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(200, 300)]
    public void Should_Solve_Under_Determined_Systems_Exactly(int rows, int columns)
    {
        var result = LeastSquares.Solve(ProblemGenerator.Uniform(rows, columns, 0), "cpu");
        Assert.True(result.Mse <= 1e-25, $"MSE {result.Mse}");
        Assert.Equal(rows, result.Rank);
    }

    [Fact]
    public void Should_Leave_A_Residual_Orthogonal_To_The_Columns_When_Over_Determined()
    {
        // Given an over-determined system, the least-squares residual r satisfies Aᵀr = 0
        var problem = ProblemGenerator.Uniform(50, 7, 5);
        var x = LeastSquares.Solve(problem, "cpu").Solution;
        var a = problem.Matrix.ToArray();
        var b = problem.Target.ToArray();
        for (int j = 0; j < 7; j++)
        {
            double dot = 0;
            for (int i = 0; i < 50; i++)
            {
                double r = b[i];
                for (int k = 0; k < 7; k++) r -= a[i * 7 + k] * x[k];
                dot += a[i * 7 + j] * r;
            }
            Assert.True(Math.Abs(dot) < 1e-10, $"column {j}: Aᵀr = {dot}");
        }
    }
}
