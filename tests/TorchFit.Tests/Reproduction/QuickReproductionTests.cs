using TorchFit.Reproduction;
using TorchFit.Training;

namespace TorchFit.Tests.Reproduction;

/// <summary>The question's experiment, shortened: on the fused engine (fast), and a few epochs on the keras engine against it.</summary>
public class QuickReproductionTests
{
    [Fact]
    public void Should_Show_The_Stall_And_The_Batch_32_Advantage_In_A_Short_Run()
    {
        // Given the question's experiment at 1,500 epochs instead of 10,000 (same steps ratio)
        var cases = QuestionCases.Create(epochs: 1_500);

        // When it runs on the fused engine
        var report = Reproducer.Run(cases, seed: 0, device: "cpu", engine: TrainingEngine.Fused);
        double Mse(string start) => report.Cases.Single(c => c.Case.Name.StartsWith(start, StringComparison.Ordinal)).Mse;

        // Then lstsq is exact, full batch crawls, and batch 32 (7 steps per epoch) is far ahead and still improving
        Assert.Equal(6, report.Cases.Count);
        Assert.True(Mse("2×3 lstsq") <= 1e-25);
        Assert.True(Mse("200×300 lstsq") <= 1e-25);
        double fullBatch = Mse("200×300 SGD full batch");
        double batch32 = Mse("200×300 SGD batch 32, 1,500");
        double batch32Twice = Mse("200×300 SGD batch 32, 3,000");
        Assert.InRange(fullBatch, 1e-4, 1e-1);
        Assert.True(batch32 < fullBatch / 10, $"batch 32 {batch32} vs full batch {fullBatch}");
        Assert.True(batch32Twice < batch32, $"continuing batch 32 went from {batch32} to {batch32Twice}");
        Assert.All(report.Cases, c => Assert.Equal(c.Case.Method == CaseMethod.Sgd ? "float32" : "float64", c.Dtype));
    }

    [Fact]
    public void Should_Give_The_Fused_Engines_Figures_On_The_Keras_Engine_In_A_Few_Epochs()
    {
        // Given the question's experiment at 20 epochs (40 for the second batch-32 case)
        var cases = QuestionCases.Create(epochs: 20);

        // When it runs on the keras engine and on the fused engine
        var keras = Reproducer.Run(cases, seed: 0, device: "cpu", engine: TrainingEngine.Keras);
        var fused = Reproducer.Run(cases, seed: 0, device: "cpu", engine: TrainingEngine.Fused);

        // Then every SGD case has moved off its start and ends where the fused engine ends, to float32 rounding
        var sgd = keras.Cases.Where(c => c.Case.Method == CaseMethod.Sgd).ToList();
        Assert.Equal(4, sgd.Count);
        foreach (var c in sgd)
        {
            double reference = fused.Cases.Single(f => f.Case.Name == c.Case.Name).Mse;
            Assert.True(c.Mse < c.FullMseHistory[0], $"{c.Case.Name}: MSE {c.Mse} did not fall from {c.FullMseHistory[0]}");
            Assert.True(Math.Abs(c.Mse - reference) <= 1e-4 * reference, $"{c.Case.Name}: keras {c.Mse} vs fused {reference}");
        }
    }

    [Fact]
    public void Should_Carry_The_Questions_Reported_Figures()
    {
        var cases = QuestionCases.Create();
        Assert.Equal([6.162975822039155e-33, 1.3108133821545518e-10, 1.4348640308871558e-30, 0.0001953624326696054, 1.9258555439788135e-10, 1.2521153241468356e-13],
            cases.Select(c => c.ReportedMse));
        Assert.Equal([0, 10_000, 0, 10_000, 10_000, 20_000], cases.Select(c => c.Epochs));
        Assert.Equal([0, 2, 0, 200, 32, 32], cases.Select(c => c.BatchSize));
    }
}
