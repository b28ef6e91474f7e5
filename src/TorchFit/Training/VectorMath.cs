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

    /// <summary>Σ aᵣ[k]·y[k] for four rows at once: y is read once and four chains run in parallel.</summary>
    public static (T, T, T, T) Dot4<T>(ReadOnlySpan<T> a0, ReadOnlySpan<T> a1, ReadOnlySpan<T> a2, ReadOnlySpan<T> a3, ReadOnlySpan<T> y)
        where T : unmanaged, INumber<T>
    {
        Vector<T> s0 = Vector<T>.Zero, s1 = s0, s2 = s0, s3 = s0;
        int width = Vector<T>.Count, k = 0;
        for (; k <= y.Length - width; k += width)
        {
            var v = new Vector<T>(y.Slice(k, width));
            s0 += new Vector<T>(a0.Slice(k, width)) * v;
            s1 += new Vector<T>(a1.Slice(k, width)) * v;
            s2 += new Vector<T>(a2.Slice(k, width)) * v;
            s3 += new Vector<T>(a3.Slice(k, width)) * v;
        }
        T d0 = Vector.Sum(s0), d1 = Vector.Sum(s1), d2 = Vector.Sum(s2), d3 = Vector.Sum(s3);
        for (; k < y.Length; k++)
        {
            d0 += a0[k] * y[k];
            d1 += a1[k] * y[k];
            d2 += a2[k] * y[k];
            d3 += a3[k] * y[k];
        }
        return (d0, d1, d2, d3);
    }

    /// <summary>y ← y + α₀·x₀ + α₁·x₁ + α₂·x₂ + α₃·x₃: y is read and written once for four rows.</summary>
    public static void AddScaled4<T>(Span<T> y, T alpha0, ReadOnlySpan<T> x0, T alpha1, ReadOnlySpan<T> x1, T alpha2, ReadOnlySpan<T> x2,
        T alpha3, ReadOnlySpan<T> x3) where T : unmanaged, INumber<T>
    {
        Vector<T> c0 = new(alpha0), c1 = new(alpha1), c2 = new(alpha2), c3 = new(alpha3);
        int width = Vector<T>.Count, k = 0;
        for (; k <= y.Length - width; k += width)
        {
            var sum = new Vector<T>(y.Slice(k, width)) + c0 * new Vector<T>(x0.Slice(k, width)) + c1 * new Vector<T>(x1.Slice(k, width))
                + c2 * new Vector<T>(x2.Slice(k, width)) + c3 * new Vector<T>(x3.Slice(k, width));
            sum.CopyTo(y.Slice(k, width));
        }
        for (; k < y.Length; k++) y[k] += alpha0 * x0[k] + alpha1 * x1[k] + alpha2 * x2[k] + alpha3 * x3[k];
    }
}
