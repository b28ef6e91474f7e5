using TorchFit.Diagnostics;
using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Diagnostics;

public class DiagnosisExplanationTests
{
    private static readonly TrainingOptions QuestionSettings = new() { LearningRate = 0.01, BatchSize = 200, Epochs = 10_000 };

    [Fact]
    public void Should_Speak_Of_The_Accepted_Answer_On_The_Questions_Problem()
    {
        // Given the question's problem and settings (lr 0.01, full batch)
        var diagnosis = Diagnoser.Diagnose(ProblemGenerator.Uniform(200, 300, 0), QuestionSettings);

        // Then the batch-32 line says why the accepted answer worked
        Assert.Contains(diagnosis.Explanation, line => line.Contains("why the accepted answer worked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(50, 80, 0u, 0.01)]    // the user's own problem that converges
    [InlineData(200, 300, 1u, 0.01)]  // the question's shape, other numbers
    [InlineData(200, 300, 0u, 0.005)] // the question's problem, not the answer's lr
    public void Should_Name_The_Settings_Instead_Elsewhere(int rows, int columns, uint seed, double learningRate)
    {
        // Given a problem or settings other than the question's, at full batch so the batch-32 row appears
        var diagnosis = Diagnoser.Diagnose(ProblemGenerator.Uniform(rows, columns, seed),
            QuestionSettings with { LearningRate = learningRate, BatchSize = rows, Epochs = 100_000 });

        // Then the batch-32 line is there, without the question's words
        Assert.Contains(diagnosis.Explanation, line => line.StartsWith("At batch 32", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Explanation, line => line.Contains("accepted answer", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Explanation, line => line.Contains("input_shape", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Measure_Tuned_Heavy_Ball_Against_Its_Own_Limit_Not_Plain_Gds()
    {
        // Given the question's problem, when it is diagnosed
        var diagnosis = Diagnoser.Diagnose(ProblemGenerator.Uniform(200, 300, 0), QuestionSettings);
        var tuned = diagnosis.Settings[^1];

        // Then tuned heavy ball sits just under its own limit 2(1 + μ)/λ_max (it was shown as 197% of plain GD's)
        Assert.True(tuned.LearningRate > diagnosis.Spectrum.StableLearningRateLimit);
        Assert.Equal(2 * (1 + tuned.Momentum) / diagnosis.Spectrum.LambdaMax, tuned.StabilityLimit, 1e-12);
        Assert.InRange(tuned.FractionOfStabilityLimit, 0.99, 1);
        Assert.False(tuned.Diverges);
        Assert.Contains(diagnosis.Explanation, line => line.Contains("does not apply to heavy ball", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_Say_What_The_Worst_Case_Optimal_Lr_Is_Optimal_For_And_Why_It_Loses_Here()
    {
        // Given the question's problem, where lr 2/(λ_max + λ_min) needs more steps than lr 0.01
        var diagnosis = Diagnoser.Diagnose(ProblemGenerator.Uniform(200, 300, 0), QuestionSettings);
        var optimal = diagnosis.Settings[^2];
        Assert.Equal(diagnosis.Spectrum.OptimalLearningRate, optimal.LearningRate);
        Assert.True(optimal.StepsToTarget > diagnosis.Settings[0].StepsToTarget);

        // Then the explanation says it is optimal for the worst case, and that the λ_max mode holds it back from this w₀
        string line = Assert.Single(diagnosis.Explanation, l => l.Contains("optimal for the worst case", StringComparison.Ordinal));
        Assert.Contains("λ_max mode", line, StringComparison.Ordinal);
        Assert.Contains(optimal.StepsToTarget!.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
    }
}
