using TorchFit.Cli.Output;
using TorchFit.Plotting;
using TorchFit.Results;

namespace TorchFit.Tests.Cli;

public class ResultWriterTests
{
    [Fact]
    public void Should_Stop_Before_Drawing_The_Loss_Curves_When_Interrupted()
    {
        // Given a result directory and a signal (Ctrl+C, SIGTERM) that arrived before the plots
        using var temp = new TempDirectory("torchfit-writer-");
        using var directory = ResultDirectory.Open(temp.Combine("run"), "train");
        using var interrupted = new CancellationTokenSource();
        interrupted.Cancel();
        LossSeries[] curve = [new("run", [1.0, 0.5, 0.25])];

        // When the verb draws its loss curves, interrupted and not
        bool drawnInterrupted = ResultWriter.WriteLossCurves(directory, "t", curve, [], interrupted.Token);
        bool leftNothing = !File.Exists(directory.PathFor("loss-curves.png")) && !File.Exists(directory.PathFor("loss-curves.svg"));
        bool drawn = ResultWriter.WriteLossCurves(directory, "t", curve, [], CancellationToken.None);

        // Then the interrupted call draws nothing and says so; the other writes both files
        Assert.False(drawnInterrupted);
        Assert.True(leftNothing);
        Assert.True(drawn);
        Assert.True(File.Exists(directory.PathFor("loss-curves.png")) && File.Exists(directory.PathFor("loss-curves.svg")));
    }
}
