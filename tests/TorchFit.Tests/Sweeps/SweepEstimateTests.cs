using TorchFit.Sweeps;

namespace TorchFit.Tests.Sweeps;

public class SweepEstimateTests
{
    // The default grid's four batched groups (4 configurations × 10,000 epochs each) and what a
    // default sweep measured for them: batch 1 2.4 s, 8 1.45 s, 32 1.47 s, 200 0.8 s.
    private static readonly (int, double)[] Groups = [(1, 40_000), (8, 40_000), (32, 40_000), (200, 40_000)];

    [Fact]
    public void Should_Price_Later_Groups_By_The_Measured_Cost_Per_Configuration_Epoch()
    {
        // Given the batch-1 group done in 2.4 s
        var estimate = new SweepEstimate(200, Groups);
        estimate.Finished(0, 40_000, 2.4);

        // When the batch-8 group starts
        double? left = estimate.SecondsLeft(1, 0, 0);

        // Then each of the three groups left is priced like the first (7.2 s); counting steps
        // priced them at 33/233 of the first (0.34 s) where 3.7 s were left
        Assert.NotNull(left);
        Assert.Equal(7.2, left!.Value, 6);
    }

    [Fact]
    public void Should_Extrapolate_The_Running_Group_From_Its_Own_Rate()
    {
        // Given batch 1 took 2.4 s and batch 8 is half done after 0.7 s
        var estimate = new SweepEstimate(200, Groups);
        estimate.Finished(0, 40_000, 2.4);

        // When asked mid-group
        double? left = estimate.SecondsLeft(1, 0.5, 0.7);

        // Then: 0.7 s for the rest of this group, and the mean so far (3.1 s per 60,000) for the two after
        Assert.Equal(0.7 + 2 * 40_000 * 3.1 / 60_000, left!.Value, 6);
    }

    [Fact]
    public void Should_Use_A_Batch_Sizes_Own_Cost_Once_It_Has_One()
    {
        // Given two seeds of batch sizes 1 and 200, the first of each measured
        var estimate = new SweepEstimate(200, [(1, 40_000), (200, 40_000), (1, 40_000), (200, 40_000)]);
        estimate.Finished(0, 40_000, 2.4);
        estimate.Finished(1, 40_000, 0.8);

        // Then the second seed's groups cost what the first seed's did
        Assert.Equal(3.2, estimate.SecondsLeft(2, 0, 0)!.Value, 6);
    }

    [Fact]
    public void Should_Fit_A_Per_Step_And_A_Per_Row_Cost_Once_Two_Batch_Sizes_Are_Measured()
    {
        // Given batch 1 (200 steps an epoch) in 2.4 s and batch 8 (25 steps) in 1.45 s, per 40,000 configuration-epochs
        var estimate = new SweepEstimate(200, Groups);
        estimate.Finished(0, 40_000, 2.4);
        estimate.Finished(1, 40_000, 1.45);

        // When batch 32 (7 steps) starts
        double left = estimate.SecondsLeft(2, 0, 0)!.Value;

        // Then batches 32 and 200 are priced on the line through the two: 40,000 × (a·7 + c) + 40,000 × (a·1 + c)
        double a = (2.4 - 1.45) / 40_000 / (200 - 25), c = 1.45 / 40_000 - 25 * a;
        Assert.Equal(40_000 * (8 * a + 2 * c), left, 6);
        // which is within 20 % of the 2.27 s the default sweep took for them (1.47 s + 0.8 s), where
        // the mean so far (3.85 s per 80,000) said 3.85 s
        Assert.InRange(left, 2.27 * 0.8, 2.27 * 1.2);
    }

    [Fact]
    public void Should_Not_Guess_Before_One_Second_Or_One_Percent()
    {
        // Given 0.1 % of the first group done in 0.05 s
        var estimate = new SweepEstimate(200, Groups);

        // Then there is no estimate yet
        Assert.Null(estimate.SecondsLeft(0, 0.001, 0.05));
    }
}
