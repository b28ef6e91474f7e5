using static TorchSharp.torch;

namespace TorchFit.Numerics;

/// <summary>
/// <see cref="IArithmetic{TV}"/> on tensors, for the engines' torch-ops form (CUDA): each operation
/// makes a new tensor, owned by the caller's dispose scope. Shapes broadcast, so a 1×K row of
/// per-configuration scalars applies to every row of a d×K weight matrix.
/// </summary>
internal readonly struct TensorArithmetic : IArithmetic<Tensor>
{
    public static Tensor Add(Tensor x, Tensor y) => x.add(y);
    public static Tensor Subtract(Tensor x, Tensor y) => x.sub(y);
    public static Tensor Multiply(Tensor x, Tensor y) => x.mul(y);
    public static Tensor Divide(Tensor x, Tensor y) => x.div(y);
    public static Tensor SquareRoot(Tensor x) => x.sqrt();
    public static Tensor Max(Tensor x, Tensor y) => x.maximum(y);

    /// <summary>z + x·y (<c>torch.addcmul</c>; fused or not as the device's kernel computes it).</summary>
    public static Tensor MultiplyAdd(Tensor x, Tensor y, Tensor z) => z.addcmul(x, y, 1);
}
