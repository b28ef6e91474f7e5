using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>Guards the (B) vs (B, 1) trap of MSE in PyTorch.</summary>
internal static class ShapeGuard
{
    /// <summary>
    /// MSELoss on a (B, 1) prediction and a (B) target broadcasts silently to B×B and averages
    /// the wrong thing. Keras compares (B, 1) with (B, 1); insist on identical shapes.
    /// </summary>
    public static void EnsureSameShape(Tensor prediction, Tensor target)
    {
        if (prediction.shape.SequenceEqual(target.shape)) return;
        throw new InvalidOperationException(
            $"prediction shape ({string.Join(", ", prediction.shape)}) and target shape ({string.Join(", ", target.shape)}) differ; "
            + "MSELoss would broadcast them instead of comparing row by row");
    }
}
