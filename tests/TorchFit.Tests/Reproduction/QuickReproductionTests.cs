using TorchFit.Reproduction;

namespace TorchFit.Tests.Reproduction;

public class QuickReproductionTests
{
    [Fact]
    public void Should_Show_The_Stall_And_The_Batch_32_Advantage_In_A_Short_Run()
    {
        // Given the question's experiment at 1,500 epochs instead of 10,000 (same steps ratio)
        var cases = QuestionCases.Create(epochs: 1_500);

        // When it runs
        var report = Reproducer.Run(cases, seed: 0, device: "cpu");
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
    public void Should_Carry_The_Questions_Reported_Figures()
    {
        var cases = QuestionCases.Create();
        Assert.Equal([6.162975822039155e-33, 1.3108133821545518e-10, 1.4348640308871558e-30, 0.0001953624326696054, 1.9258555439788135e-10, 1.2521153241468356e-13],
            cases.Select(c => c.ReportedMse));
        Assert.Equal([0, 10_000, 0, 10_000, 10_000, 20_000], cases.Select(c => c.Epochs));
        Assert.Equal([0, 2, 0, 200, 32, 32], cases.Select(c => c.BatchSize));
    }
}
