using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TorchFit.Numerics;

/// <summary>
/// The row kernels of a linear-model SGD step (dot products and scaled additions) on spans, with
/// fused multiply-adds at the widest vector width the CPU accelerates. <see cref="Vector{T}"/> would
/// stop at 256 bits even on AVX-512, so each kernel runs 512-bit lanes first and hands the tail to
/// 256-, then 128-bit lanes, then scalars: d = 300 floats is 18 × 16 + 8 + 4, with no scalar steps.
/// Each kernel was measured against <see cref="System.Numerics.Tensors.TensorPrimitives"/> at d = 300 (figures:
/// library/hand time per call, medians of 2,001 interleaved rounds (three runs) of <c>TorchFit.Benchmarks --interleaved</c>,
/// RowKernelBenchmarks, on a shared 2-core AVX-512 machine, so ±5 % is noise).
/// </summary>
internal static class VectorMath
{
    /// <summary>
    /// Σ xᵢ·yᵢ, summed exactly as <see cref="Dot4{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T}, ReadOnlySpan{T})"/>
    /// sums each of its rows. Kept although TensorPrimitives.Dot is faster on one long row (0.46× float, 0.8× double
    /// at d = 300): the fused engine calls Dot only for the rows left after groups of four (batch mod 4), and the
    /// library's order of sums moved <c>torchfit reproduce</c>'s 2×3 SGD figure (MSE 1.0592786e-4 → 1.0592724e-4),
    /// whose rows of 3 gain nothing from it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, INumber<T>
    {
        ReadOnlySpan<T> a = x, empty = x[..0];
        return Dot4(a, empty, empty, empty, y, rows: 1).Item1;
    }

    /// <summary>
    /// Σ aᵣ[k]·y[k] for four rows at once: y is read once per four rows and four accumulator chains run
    /// in parallel, which hides the fused multiply-add's latency. The library has no such kernel: four
    /// TensorPrimitives.Dot calls take 1.3× (float) and 1.5× (double) its time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (T, T, T, T) Dot4<T>(ReadOnlySpan<T> a0, ReadOnlySpan<T> a1, ReadOnlySpan<T> a2, ReadOnlySpan<T> a3, ReadOnlySpan<T> y)
        where T : unmanaged, INumber<T> => Dot4(a0, a1, a2, a3, y, rows: 4);

    /// <summary>
    /// y ← y + α·x, one fused multiply-add per element in the vector lanes. TensorPrimitives.FusedMultiplyAdd(x, α, y, y)
    /// gives the same bits but takes 1.28× (float) and 1.0-1.15× (double) the time: on 300 elements its checks cost.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled<T>(Span<T> y, T alpha, ReadOnlySpan<T> x) where T : unmanaged, INumber<T>
    {
        if (x.Length != y.Length) throw new ArgumentException("x and y differ in length");
        ref T yRef = ref MemoryMarshal.GetReference(y);
        ref T xRef = ref MemoryMarshal.GetReference(x);
        int k = 0;
        if (Vector512.IsHardwareAccelerated) k = Lanes<T, Vector512<T>, Lanes512<T>>.AddScaled(ref yRef, alpha, ref xRef, k, y.Length);
        if (Vector256.IsHardwareAccelerated) k = Lanes<T, Vector256<T>, Lanes256<T>>.AddScaled(ref yRef, alpha, ref xRef, k, y.Length);
        if (Vector128.IsHardwareAccelerated) k = Lanes<T, Vector128<T>, Lanes128<T>>.AddScaled(ref yRef, alpha, ref xRef, k, y.Length);
        for (; k < y.Length; k++) y[k] += alpha * x[k];
    }

    /// <summary>
    /// y ← y + α₀·x₀ + α₁·x₁ + α₂·x₂ + α₃·x₃: y is read and written once for four rows. The library has no such
    /// kernel: four TensorPrimitives.FusedMultiplyAdd calls take 2.0-2.1× its time (float and double).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddScaled4<T>(Span<T> y, T alpha0, ReadOnlySpan<T> x0, T alpha1, ReadOnlySpan<T> x1, T alpha2, ReadOnlySpan<T> x2,
        T alpha3, ReadOnlySpan<T> x3) where T : unmanaged, INumber<T>
    {
        int n = y.Length;
        if (x0.Length != n || x1.Length != n || x2.Length != n || x3.Length != n) throw new ArgumentException("the rows and y differ in length");
        var rows = new Rows<T>(x0, x1, x2, x3);
        ref T yRef = ref MemoryMarshal.GetReference(y);
        var alphas = (alpha0, alpha1, alpha2, alpha3);
        int k = 0;
        if (Vector512.IsHardwareAccelerated) k = Lanes<T, Vector512<T>, Lanes512<T>>.AddScaled4(ref yRef, alphas, rows, k, n);
        if (Vector256.IsHardwareAccelerated) k = Lanes<T, Vector256<T>, Lanes256<T>>.AddScaled4(ref yRef, alphas, rows, k, n);
        if (Vector128.IsHardwareAccelerated) k = Lanes<T, Vector128<T>, Lanes128<T>>.AddScaled4(ref yRef, alphas, rows, k, n);
        for (; k < n; k++) y[k] += alpha0 * x0[k] + alpha1 * x1[k] + alpha2 * x2[k] + alpha3 * x3[k];
    }

    /// <summary>Dot4 for the first <paramref name="rows"/> rows (1 or 4); the others are not read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (T, T, T, T) Dot4<T>(ReadOnlySpan<T> a0, ReadOnlySpan<T> a1, ReadOnlySpan<T> a2, ReadOnlySpan<T> a3, ReadOnlySpan<T> y, int rows)
        where T : unmanaged, INumber<T>
    {
        int n = y.Length;
        if (a0.Length != n || (rows == 4 && (a1.Length != n || a2.Length != n || a3.Length != n)))
            throw new ArgumentException("the rows and y differ in length");
        var source = new Rows<T>(a0, a1, a2, a3);
        ref T yRef = ref MemoryMarshal.GetReference(y);
        var sums = (T.Zero, T.Zero, T.Zero, T.Zero);
        int k = 0;
        if (Vector512.IsHardwareAccelerated) k = Lanes<T, Vector512<T>, Lanes512<T>>.Dot(source, ref yRef, k, n, rows, ref sums);
        if (Vector256.IsHardwareAccelerated) k = Lanes<T, Vector256<T>, Lanes256<T>>.Dot(source, ref yRef, k, n, rows, ref sums);
        if (Vector128.IsHardwareAccelerated) k = Lanes<T, Vector128<T>, Lanes128<T>>.Dot(source, ref yRef, k, n, rows, ref sums);
        for (; k < n; k++)
        {
            sums.Item1 += a0[k] * y[k];
            if (rows == 1) continue;
            sums.Item2 += a1[k] * y[k];
            sums.Item3 += a2[k] * y[k];
            sums.Item4 += a3[k] * y[k];
        }
        return sums;
    }

    /// <summary>Four row references (unused ones point at the first).</summary>
    private readonly ref struct Rows<T>(ReadOnlySpan<T> a0, ReadOnlySpan<T> a1, ReadOnlySpan<T> a2, ReadOnlySpan<T> a3)
    {
        public readonly ref T First = ref MemoryMarshal.GetReference(a0);
        public readonly ref T Second = ref MemoryMarshal.GetReference(a1.IsEmpty ? a0 : a1);
        public readonly ref T Third = ref MemoryMarshal.GetReference(a2.IsEmpty ? a0 : a2);
        public readonly ref T Fourth = ref MemoryMarshal.GetReference(a3.IsEmpty ? a0 : a3);
    }

    /// <summary>
    /// The kernels at one vector width: each processes whole vectors from <c>k</c> while they fit and
    /// returns where it stopped, for the next narrower width to go on from.
    /// </summary>
    private static class Lanes<T, TV, L>
        where T : unmanaged, INumber<T>
        where TV : struct
        where L : struct, ILanes<T, TV>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        public static int Dot(Rows<T> a, ref T y, int k, int n, int rows, ref (T, T, T, T) sums)
        {
            int width = L.Count;
            if (k + width > n) return k;
            TV s0 = L.Zero, s1 = s0, s2 = s0, s3 = s0;
            if (rows == 1)
                for (; k + width <= n; k += width) s0 = L.MultiplyAdd(L.Load(ref a.First, (nuint)k), L.Load(ref y, (nuint)k), s0);
            else
                for (; k + width <= n; k += width)
                {
                    TV v = L.Load(ref y, (nuint)k);
                    s0 = L.MultiplyAdd(L.Load(ref a.First, (nuint)k), v, s0);
                    s1 = L.MultiplyAdd(L.Load(ref a.Second, (nuint)k), v, s1);
                    s2 = L.MultiplyAdd(L.Load(ref a.Third, (nuint)k), v, s2);
                    s3 = L.MultiplyAdd(L.Load(ref a.Fourth, (nuint)k), v, s3);
                }
            sums.Item1 += L.Sum(s0);
            sums.Item2 += L.Sum(s1);
            sums.Item3 += L.Sum(s2);
            sums.Item4 += L.Sum(s3);
            return k;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        public static int AddScaled(ref T y, T alpha, ref T x, int k, int n)
        {
            TV scale = L.Broadcast(alpha);
            for (; k + L.Count <= n; k += L.Count)
                L.Store(L.MultiplyAdd(scale, L.Load(ref x, (nuint)k), L.Load(ref y, (nuint)k)), ref y, (nuint)k);
            return k;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        public static int AddScaled4(ref T y, (T, T, T, T) alphas, Rows<T> x, int k, int n)
        {
            TV c0 = L.Broadcast(alphas.Item1), c1 = L.Broadcast(alphas.Item2), c2 = L.Broadcast(alphas.Item3), c3 = L.Broadcast(alphas.Item4);
            for (; k + L.Count <= n; k += L.Count)
            {
                nuint at = (nuint)k;
                TV sum = L.MultiplyAdd(c0, L.Load(ref x.First, at), L.Load(ref y, at));
                sum = L.MultiplyAdd(c1, L.Load(ref x.Second, at), sum);
                sum = L.MultiplyAdd(c2, L.Load(ref x.Third, at), sum);
                L.Store(L.MultiplyAdd(c3, L.Load(ref x.Fourth, at), sum), ref y, at);
            }
            return k;
        }
    }
}
