using TorchFit.Reproduction;
using TorchFit.Training;

namespace TorchFit.Tests.Reproduction;

public sealed class ReproducerTests
{
    [Fact]
    public void Should_Return_The_Cases_The_Why_And_The_Fix_From_One_Call()
    {
        // When a notebook reproduces the question in one call (a short version, on the fused engine)
        var report = Reproducer.Reproduce(epochs: 20, seed: 0, device: "cpu", engine: TrainingEngine.Fused);

        // Then the report holds every case, the spectrum's explanation and the prescribed run, which reached 1e-10
        Assert.True(report.Complete);
        Assert.Equal(QuestionCases.Create(20).Select(c => c.Name), report.Cases.Select(r => r.Case.Name));
        Assert.Contains(report.Why, line => line.Contains("2/λ_max", StringComparison.Ordinal));
        Assert.NotNull(report.Fix);
        Assert.NotNull(report.Fix.EpochsToTarget);
        Assert.True(report.Fix.FinalMse <= 1e-10, $"fix ended at MSE {report.Fix.FinalMse}");
    }

    [Fact]
    public void Should_Skip_The_Fix_And_Say_Incomplete_When_Cancelled()
    {
        // Given a cancelled token
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        // When the reproduction runs
        var report = Reproducer.Reproduce(epochs: 20, seed: 0, device: "cpu", engine: TrainingEngine.Fused, cancellationToken: cancelled.Token);

        // Then no fix is run and the report says it is incomplete
        Assert.False(report.Complete);
        Assert.Null(report.Fix);
    }
}
