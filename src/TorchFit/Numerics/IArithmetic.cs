namespace TorchFit.Numerics;

/// <summary>
/// The arithmetic an update rule is written in, over one kind of value: a SIMD vector of weights
/// (<see cref="ILanes{T, TVector}"/>), one weight (<see cref="ScalarLanes{T}"/>) or a tensor of them
/// (<see cref="TensorArithmetic"/>). A rule written once against this runs in every engine.
/// </summary>
/// <typeparam name="TV">The value type.</typeparam>
internal interface IArithmetic<TV>
{
    static abstract TV Add(TV x, TV y);
    static abstract TV Subtract(TV x, TV y);
    static abstract TV Multiply(TV x, TV y);
    static abstract TV Divide(TV x, TV y);
    static abstract TV SquareRoot(TV x);

    /// <summary>The larger of x and y, NaN when either is NaN (as <c>torch.maximum</c> and Keras' <c>ops.maximum</c>).</summary>
    static abstract TV Max(TV x, TV y);

    /// <summary>
    /// x·y + z rounded once (fused) for float and double, as ATen's vectorised CPU kernels compute
    /// <c>add(self, other, alpha)</c>: a rule that reads "w − η·g" in PyTorch uses this.
    /// </summary>
    static abstract TV MultiplyAdd(TV x, TV y, TV z);
}
