using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TorchFit.Numerics;

/// <summary>
/// Float-to-double loops of the engines' bookkeeping, bit for bit what the scalar loops compute (widening
/// is exact; squares are rounded in the source type). Figures: library/hand time per call from
/// <c>TorchFit.Benchmarks --interleaved</c> (ColumnKernelBenchmarks, RowKernelBenchmarks; medians of 2,001
/// interleaved rounds per run on a shared 2-core AVX-512 machine, so ±5 % is noise).
/// </summary>
internal static class Widening
{
    /// <summary>
    /// destination[k] ← source[k] as a double: <see cref="TensorPrimitives.ConvertChecked{TFrom, TTo}(ReadOnlySpan{TFrom}, Span{TTo})"/>,
    /// as fast as the hand loop it replaced on W's d×Kp values (1.00×) and faster on d = 300 floats (0.74-0.78×).
    /// </summary>
    public static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination) where T : unmanaged, INumber<T>
    {
        if (destination.Length < source.Length) throw new ArgumentException("destination is shorter than source");
        TensorPrimitives.ConvertChecked(source, destination[..source.Length]);
    }

    /// <summary>
    /// sums[k] += (double)(x[k]·x[k]), the square rounded in <typeparamref name="T"/> as the scalar loop rounds it.
    /// Hand-written: the library has no widening multiply-add, and its three passes (square, widen, add) take 2.0-2.7×
    /// the time on the batched engine's float rows (Kp = 16, 64); for double, MultiplyAdd(x, x, sums, sums) takes 1.6-1.7× at
    /// Kp = 8 and 1.0-1.3× at Kp = 64 (three runs).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddSquares<T>(ReadOnlySpan<T> x, Span<double> sums) where T : unmanaged, INumber<T>
    {
        if (sums.Length < x.Length) throw new ArgumentException("sums is shorter than x");
        int k = 0;
        if (typeof(T) == typeof(float) && Vector512.IsHardwareAccelerated)
        {
            var floats = MemoryMarshal.Cast<T, float>(x);
            for (; k + 16 <= floats.Length; k += 16)
            {
                var v = Vector512.Create(floats.Slice(k, 16));
                var square = v * v;
                (Vector512.Create(sums.Slice(k, 8)) + Vector512.WidenLower(square)).CopyTo(sums.Slice(k, 8));
                (Vector512.Create(sums.Slice(k + 8, 8)) + Vector512.WidenUpper(square)).CopyTo(sums.Slice(k + 8, 8));
            }
        }
        else if (typeof(T) == typeof(double) && Vector512.IsHardwareAccelerated)
        {
            var doubles = MemoryMarshal.Cast<T, double>(x);
            for (; k + 8 <= doubles.Length; k += 8)
            {
                var v = Vector512.Create(doubles.Slice(k, 8));
                (Vector512.Create(sums.Slice(k, 8)) + v * v).CopyTo(sums.Slice(k, 8));
            }
        }
        for (; k < x.Length; k++) sums[k] += double.CreateChecked(x[k] * x[k]);
    }
}
