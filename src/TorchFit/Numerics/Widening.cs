using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TorchFit.Numerics;

/// <summary>
/// Float-to-double loops of the batched engine's bookkeeping, 16 floats at a time with AVX-512 and
/// bit for bit what the scalar loops compute (widening is exact; squares are rounded in the source type).
/// </summary>
internal static class Widening
{
    /// <summary>destination[k] ← source[k] as a double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination) where T : unmanaged, INumber<T>
    {
        if (destination.Length < source.Length) throw new ArgumentException("destination is shorter than source");
        if (typeof(T) == typeof(double))
        {
            MemoryMarshal.Cast<T, double>(source).CopyTo(destination);
            return;
        }
        int k = 0;
        if (typeof(T) == typeof(float) && Vector512.IsHardwareAccelerated)
        {
            var floats = MemoryMarshal.Cast<T, float>(source);
            for (; k + 16 <= floats.Length; k += 16)
            {
                var v = Vector512.Create(floats.Slice(k, 16));
                Vector512.WidenLower(v).CopyTo(destination.Slice(k, 8));
                Vector512.WidenUpper(v).CopyTo(destination.Slice(k + 8, 8));
            }
        }
        for (; k < source.Length; k++) destination[k] = double.CreateChecked(source[k]);
    }

    /// <summary>sums[k] += (double)(x[k]·x[k]), the square rounded in <typeparamref name="T"/> as the scalar loop rounds it.</summary>
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
