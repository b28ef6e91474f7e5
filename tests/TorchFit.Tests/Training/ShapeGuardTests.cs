using TorchFit.Training;
using static TorchSharp.torch;

namespace TorchFit.Tests.Training;

public class ShapeGuardTests
{
    [Fact]
    public void Should_Reject_A_Flat_Target_Against_A_Column_Prediction()
    {
        // Given a (B, 1) prediction and a (B) target, which MSELoss would broadcast to B×B
        using var prediction = zeros(8, 1);
        using var flat = zeros(8);

        var error = Assert.Throws<InvalidOperationException>(() => ShapeGuard.EnsureSameShape(prediction, flat));
        Assert.Contains("broadcast", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Accept_Matching_Shapes()
    {
        using var prediction = zeros(8, 1);
        using var target = ones(8, 1);
        ShapeGuard.EnsureSameShape(prediction, target);
    }
}
