using System.Numerics;

namespace TorchFit.Training;

/// <summary>The two kernels a linear-model SGD step needs, on spans, with <see cref="Vector{T}"/> SIMD.</summary>
internal static class VectorMath
{
    /// <summary>Σ xᵢ·yᵢ.</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, INumber<T>
    {
        var lanes = Vector<T>.Zero;
        int width = Vector<T>.Count, k = 0;
        for (; k <= x.Length - width; k += width)
            lanes += new Vector<T>(x.Slice(k, width)) * new Vector<T>(y.Slice(k, width));
        T sum = Vector.Sum(lanes);
        for (; k < x.Length; k++) sum += x[k] * y[k];
        return sum;
    }

    /// <summary>y ← y + α·x.</summary>
    public static void AddScaled<T>(Span<T> y, T alpha, ReadOnlySpan<T> x) where T : unmanaged, INumber<T>
    {
        var scale = new Vector<T>(alpha);
        int width = Vector<T>.Count, k = 0;
        for (; k <= x.Length - width; k += width)
            (new Vector<T>(y.Slice(k, width)) + scale * new Vector<T>(x.Slice(k, width))).CopyTo(y.Slice(k, width));
        for (; k < x.Length; k++) y[k] += alpha * x[k];
    }
}
