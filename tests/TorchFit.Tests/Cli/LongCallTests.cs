using Spectre.Console.Testing;
using TorchFit.Cli;
using TorchFit.Cli.Output;

namespace TorchFit.Tests.Cli;

public class LongCallTests
{
    [Fact]
    public void Should_Announce_A_Long_Factorisation_With_Its_Estimate_Before_It_Runs()
    {
        // Given redirected output and a factorisation estimated at 50 s
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(new TestConsole(), output, error, CancellationToken.None);
        string? seenBeforeWork = null;

        // When it runs
        int result = LongCall.Run(context, json: false, "lstsq", 5000, 5000, svd: false, leastSquares: true,
            () => { seenBeforeWork = output.ToString(); return 42; }, estimate: () => 50);

        // Then the estimate was printed before the work started, and the work's result comes back
        Assert.Equal(42, result);
        Assert.Contains("lstsq of 5,000×5,000 (float64): about 50 s", seenBeforeWork, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Say_Nothing_For_A_Problem_Too_Small_To_Take_Seconds()
    {
        // Given the question's 200×300 problem (no probe is run for it)
        using var output = new StringWriter();
        var context = new CliContext(new TestConsole(), output, TextWriter.Null, CancellationToken.None);

        // When its lstsq runs
        int result = LongCall.Run(context, json: false, "lstsq", 200, 300, svd: false, leastSquares: true, () => 7);

        // Then nothing is announced
        Assert.Equal(7, result);
        Assert.Equal("", output.ToString());
    }
}
