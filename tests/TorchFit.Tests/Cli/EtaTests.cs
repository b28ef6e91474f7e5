using TorchFit.Cli.Output;

namespace TorchFit.Tests.Cli;

public class EtaTests
{
    [Fact]
    public void Should_Not_Guess_From_The_First_Epoch_Of_A_Fast_Run()
    {
        // epoch 1 of 10,000 after 0.02 s is start-up time, not a rate
        Assert.Equal("", Eta.Suffix(seconds: 0.02, done: 1, total: 10_000));
    }

    [Fact]
    public void Should_Estimate_Once_One_Percent_Or_One_Second_Has_Passed()
    {
        Assert.Equal("  ETA 9.00 s", Eta.Suffix(seconds: 1, done: 1_000, total: 10_000));
        Assert.Equal("  ETA 1998.00 s", Eta.Suffix(seconds: 2, done: 1, total: 1_000));
    }

    [Fact]
    public void Should_Say_Nothing_When_Done_Or_Before_Any_Work()
    {
        Assert.Equal("", Eta.Suffix(seconds: 3, done: 10, total: 10));
        Assert.Equal("", Eta.Suffix(seconds: 3, done: 0, total: 10));
    }
}
