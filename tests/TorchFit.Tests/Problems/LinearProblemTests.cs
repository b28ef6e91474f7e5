using TorchFit.Problems;

namespace TorchFit.Tests.Problems;

public class LinearProblemTests
{
    [Fact]
    public void Should_Reject_A_Target_That_Is_Not_One_Value_Per_Row()
    {
        var error = Assert.Throws<InvalidInputException>(() => LinearProblem.Create("p", 2, 3, new double[6], new double[4]));
        Assert.Contains("b must be 2×1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_A_Matrix_Of_The_Wrong_Size()
    {
        Assert.Throws<InvalidInputException>(() => LinearProblem.Create("p", 2, 3, new double[5], new double[2]));
    }

    [Fact]
    public void Should_Name_The_Row_And_Column_Of_A_NaN()
    {
        var matrix = new double[6];
        matrix[4] = double.NaN;
        var error = Assert.Throws<InvalidInputException>(() => LinearProblem.Create("p", 2, 3, matrix, new double[2]));
        Assert.Contains("row 1, column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_Infinite_Targets()
    {
        Assert.Throws<InvalidInputException>(() => LinearProblem.Create("p", 2, 3, new double[6], [0, double.PositiveInfinity]));
    }

    [Fact]
    public void Should_Compute_Mse_As_Squared_Residual_Norm_Over_Rows()
    {
        // A = [[1, 0], [0, 2]], b = [1, 1], x = [0, 0] → residuals (−1, −1) → MSE 1; x = [1, 0.5] → 0
        var problem = LinearProblem.Create("p", 2, 2, [1, 0, 0, 2], [1, 1]);
        Assert.Equal(1.0, problem.MeanSquaredError([0, 0]));
        Assert.Equal(0.0, problem.MeanSquaredError([1, 0.5]));
    }
}
