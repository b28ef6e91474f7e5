using MathNet.Numerics.LinearAlgebra;
using TorchFit.Diagnostics;
using TorchFit.Problems;

namespace TorchFit.Tests.Diagnostics;

public class SpectrumTests
{
    public static TheoryData<string, LinearProblem, int> Problems => new()
    {
        { "under-determined 20×30", ProblemGenerator.Uniform(20, 30, 1), 20 },
        { "over-determined 40×12", ProblemGenerator.Uniform(40, 12, 2), 12 },
        { "square 15×15", ProblemGenerator.Uniform(15, 15, 3), 15 },
        { "rank-deficient 30×20 of rank 5", RankDeficient(30, 20, 5), 5 },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Should_Agree_With_An_Independent_Float64_Svd(string name, LinearProblem problem, int rank)
    {
        // Given MathNet's SVD of the same matrix
        var a = Matrix<double>.Build.Dense(problem.Rows, problem.Columns, (i, j) => problem.Matrix[i * problem.Columns + j]);
        var sigma = a.Svd(computeVectors: false).S.ToArray();
        double sigmaMin = sigma[rank - 1];
        double lambdaMax = 2 * sigma[0] * sigma[0] / problem.Rows, lambdaMin = 2 * sigmaMin * sigmaMin / problem.Rows;

        // When TorchFit analyses it
        var spectrum = ProblemDecomposition.Of(problem).Spectrum;

        // Then rank, λ, κ and the stability limit agree
        Assert.True(rank == spectrum.Rank, name);
        Assert.Equal(lambdaMax, spectrum.LambdaMax, lambdaMax * 1e-12);
        Assert.Equal(lambdaMin, spectrum.LambdaMin, lambdaMin * 1e-8);
        Assert.Equal(lambdaMax / lambdaMin, spectrum.Kappa, lambdaMax / lambdaMin * 1e-8);
        Assert.Equal(2 / lambdaMax, spectrum.StableLearningRateLimit, 1e-12 / lambdaMax);
        Assert.Equal(2 / (lambdaMax + lambdaMin), spectrum.OptimalLearningRate, 1e-12 / lambdaMax);
    }

    [Fact]
    public void Should_Find_The_Null_Space_Part_That_Gd_Cannot_Change()
    {
        // Given A = [[1, 0, 0], [0, 1, 0]]: the null space is the third axis
        var problem = LinearProblem.Create("axes", 2, 3, [1, 0, 0, 0, 1, 0], [1, 2]);
        var decomposition = ProblemDecomposition.Of(problem);

        Assert.Equal(5.0, decomposition.NullSpaceNorm([3, 4, 5]), 1e-12);
        Assert.Equal(0.0, decomposition.NullSpaceNorm([3, 4, 0]), 1e-12);
    }

    private static LinearProblem RankDeficient(int rows, int columns, int rank)
    {
        var left = ProblemGenerator.Uniform(rows, rank, 7);
        var right = ProblemGenerator.Uniform(rank, columns, 8);
        var product = new double[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                for (int k = 0; k < rank; k++)
                    product[i * columns + j] += left.Matrix[i * rank + k] * right.Matrix[k * columns + j];
        return LinearProblem.Create("rank-deficient", rows, columns, product, left.Target);
    }
}
