using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchFit.Numerics;

namespace TorchFit.Benchmarks;

/// <summary>
/// The hand kernel that TensorPrimitives replaced in <see cref="Widening"/>, kept here only as the "Hand" side
/// of its benchmark pairs, so the choice can be measured again on another machine.
/// </summary>
internal static class RetiredKernels
{
    /// <summary>float → double 16 at a time with AVX-512, as Widening.Widen was.</summary>
    public static void Widen<T>(ReadOnlySpan<T> source, Span<double> destination) where T : unmanaged, INumber<T>
    {
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
}
