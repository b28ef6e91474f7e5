using TorchFit.Diagnostics;

namespace TorchFit.Tests.Diagnostics;

public class DecompositionCostTests
{
    [Fact]
    public void Should_Scale_With_The_Work_At_The_Exponent_The_Probes_Show()
    {
        // Given probes whose cost grows linearly with the work (8× between the two probe sides, one twice the other)
        double linear = DecompositionCost.Scale(0.001, 0.008, 2 * DecompositionCost.ProbeSize, 2 * DecompositionCost.ProbeSize);

        // Then doubling the side of the problem costs 8× again, and n×d work is n·d·min(n, d)
        Assert.Equal(0.064, linear, 1e-12);
        Assert.Equal(8 * DecompositionCost.Scale(0.001, 0.008, 2000, 1500), DecompositionCost.Scale(0.001, 0.008, 4000, 3000), 1e-9);

        // And a probe pair that gains efficiency (4× cost for 8× work) extrapolates at that rate, kept within [0.5, 1]
        Assert.Equal(0.008 * 4, DecompositionCost.Scale(0.002, 0.008, 2 * DecompositionCost.ProbeSize, 2 * DecompositionCost.ProbeSize), 1e-12);
        Assert.Equal(0.008 * Math.Sqrt(8), DecompositionCost.Scale(0.008, 0.008, 2 * DecompositionCost.ProbeSize, 2 * DecompositionCost.ProbeSize), 1e-12);
    }

    [Fact]
    public void Should_Not_Probe_Small_Problems()
    {
        // The question's problem takes milliseconds; 5000×5000 takes seconds
        Assert.False(DecompositionCost.WorthEstimating(200, 300));
        Assert.True(DecompositionCost.WorthEstimating(5000, 5000));
    }
}
