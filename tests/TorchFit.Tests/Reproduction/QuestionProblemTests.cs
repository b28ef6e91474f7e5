using TorchFit.Problems;
using TorchFit.Problems.Files;
using TorchFit.Reproduction;
using TorchFit.Tests.Problems.Files;

namespace TorchFit.Tests.Reproduction;

public class QuestionProblemTests
{
    [Fact]
    public void Should_Recognise_The_Questions_Problem_Generated_Or_Read_From_Its_File()
    {
        // Given the question's problem generated with seed 0 and read from data/
        var generated = ProblemGenerator.Uniform(200, 300, 0);
        var file = ProblemFile.Load(TestFiles.Data("question-200x300-seed0.npz")).Problem;

        // Then both are the question's problem
        Assert.True(QuestionProblem.Is(generated));
        Assert.True(QuestionProblem.Is(file));
    }

    [Theory]
    [InlineData(200, 300, 1u)]   // same shape, other numbers
    [InlineData(50, 80, 0u)]
    [InlineData(2, 3, 0u)]
    public void Should_Not_Take_Another_Problem_For_The_Questions(int rows, int columns, uint seed)
    {
        Assert.False(QuestionProblem.Is(ProblemGenerator.Uniform(rows, columns, seed)));
    }
}
