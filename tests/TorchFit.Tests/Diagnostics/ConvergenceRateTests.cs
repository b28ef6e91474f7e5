using TorchFit.Diagnostics;

namespace TorchFit.Tests.Diagnostics;

public class ConvergenceRateTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.5, false)]
    [InlineData(0.968, false)]
    [InlineData(0.5, true)]
    [InlineData(0.9, true)]
    public void Should_Put_Each_Methods_Stability_Limit_Where_Its_Sharpest_Mode_Stops_Contracting(double momentum, bool nesterov)
    {
        // Given λ_max of the question's problem and a method (plain GD, heavy ball or Nesterov)
        const double lambdaMax = 149.37;

        // When its own stability limit is computed
        double limit = ConvergenceRate.StableLearningRateLimit(lambdaMax, momentum, nesterov);

        // Then just below it the λ_max mode contracts and just above it it grows
        Assert.True(ConvergenceRate.PerStep(lambdaMax, limit * (1 - 1e-6), momentum, nesterov) < 1);
        Assert.True(ConvergenceRate.PerStep(lambdaMax, limit * (1 + 1e-6), momentum, nesterov) > 1);
        Assert.Equal(limit, ConvergenceRate.StableLearningRateLimitFromPlain(2 / lambdaMax, momentum, nesterov), limit * 1e-12);
    }

    [Fact]
    public void Should_Give_Heavy_Ball_A_Wider_Limit_Than_Plain_Gd()
    {
        // Given heavy ball with μ = 0.9, when its limit is set beside plain GD's
        double plain = ConvergenceRate.StableLearningRateLimit(149.37);
        double heavyBall = ConvergenceRate.StableLearningRateLimit(149.37, 0.9);

        // Then it is (1 + μ) times as wide: a heavy-ball lr above plain GD's limit can be stable
        Assert.Equal(1.9 * plain, heavyBall, 1e-12);
    }
}
