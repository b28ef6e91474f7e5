using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace TorchFit.Numerics;

/// <summary>
/// The few SIMD operations the kernels need, over one vector width: the <see cref="IArithmetic{TV}"/>
/// that update rules are written in, plus loads, stores and broadcasts. Kernels are generic in a struct
/// implementing this, so the JIT compiles one specialised copy per width with no indirection: 128 bits
/// for a handful of columns, 256 or 512 bits for many (see <see cref="LaneWidth"/>), and
/// <see cref="ScalarLanes{T}"/> for the tail of a row.
/// </summary>
internal interface ILanes<T, TVector> : IArithmetic<TVector> where T : unmanaged, INumber<T>
{
    static abstract int Count { get; }
    static abstract TVector Zero { get; }
    static abstract TVector Broadcast(T value);
    static abstract TVector Load(ref T source, nuint offset);
    static abstract void Store(TVector value, ref T destination, nuint offset);

    /// <summary>The sum of the lanes.</summary>
    static abstract T Sum(TVector value);
}

/// <summary>One value at a time: the scalar tail of a row that no vector width fits, with the same arithmetic.</summary>
internal readonly struct ScalarLanes<T> : ILanes<T, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => 1;
    public static T Zero => T.Zero;
    public static T Broadcast(T value) => value;
    public static T Load(ref T source, nuint offset) => Unsafe.Add(ref source, offset);
    public static void Store(T value, ref T destination, nuint offset) => Unsafe.Add(ref destination, offset) = value;
    public static T Multiply(T x, T y) => x * y;
    public static T Add(T x, T y) => x + y;
    public static T Subtract(T x, T y) => x - y;
    public static T Divide(T x, T y) => x / y;
    public static T SquareRoot(T x) => T.Sqrt(x);
    public static T Max(T x, T y) => T.Max(x, y);
    public static T MultiplyAdd(T x, T y, T z) => T.FusedMultiplyAdd(x, y, z);
    public static T Sum(T value) => value;
}

internal readonly struct Lanes128<T> : ILanes<T, Vector128<T>> where T : unmanaged, INumber<T>
{
    public static int Count => Vector128<T>.Count;
    public static Vector128<T> Zero => Vector128<T>.Zero;
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);
    public static Vector128<T> Load(ref T source, nuint offset) => Vector128.LoadUnsafe(ref source, offset);
    public static void Store(Vector128<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    public static Vector128<T> Multiply(Vector128<T> x, Vector128<T> y) => x * y;
    public static Vector128<T> Add(Vector128<T> x, Vector128<T> y) => x + y;
    public static Vector128<T> Subtract(Vector128<T> x, Vector128<T> y) => x - y;
    public static Vector128<T> Divide(Vector128<T> x, Vector128<T> y) => x / y;
    public static Vector128<T> SquareRoot(Vector128<T> x) => Vector128.Sqrt(x);
    public static Vector128<T> Max(Vector128<T> x, Vector128<T> y) => Vector128.Max(x, y);
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> x, Vector128<T> y, Vector128<T> z)
    {
        if (typeof(T) == typeof(float)) return Vector128.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector128.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        return x * y + z;
    }
}

internal readonly struct Lanes256<T> : ILanes<T, Vector256<T>> where T : unmanaged, INumber<T>
{
    public static int Count => Vector256<T>.Count;
    public static Vector256<T> Zero => Vector256<T>.Zero;
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);
    public static Vector256<T> Load(ref T source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);
    public static void Store(Vector256<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    public static Vector256<T> Multiply(Vector256<T> x, Vector256<T> y) => x * y;
    public static Vector256<T> Add(Vector256<T> x, Vector256<T> y) => x + y;
    public static Vector256<T> Subtract(Vector256<T> x, Vector256<T> y) => x - y;
    public static Vector256<T> Divide(Vector256<T> x, Vector256<T> y) => x / y;
    public static Vector256<T> SquareRoot(Vector256<T> x) => Vector256.Sqrt(x);
    public static Vector256<T> Max(Vector256<T> x, Vector256<T> y) => Vector256.Max(x, y);
    public static T Sum(Vector256<T> value) => Vector256.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> x, Vector256<T> y, Vector256<T> z)
    {
        if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        return x * y + z;
    }
}

internal readonly struct Lanes512<T> : ILanes<T, Vector512<T>> where T : unmanaged, INumber<T>
{
    public static int Count => Vector512<T>.Count;
    public static Vector512<T> Zero => Vector512<T>.Zero;
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);
    public static Vector512<T> Load(ref T source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);
    public static void Store(Vector512<T> value, ref T destination, nuint offset) => value.StoreUnsafe(ref destination, offset);
    public static Vector512<T> Multiply(Vector512<T> x, Vector512<T> y) => x * y;
    public static Vector512<T> Add(Vector512<T> x, Vector512<T> y) => x + y;
    public static Vector512<T> Subtract(Vector512<T> x, Vector512<T> y) => x - y;
    public static Vector512<T> Divide(Vector512<T> x, Vector512<T> y) => x / y;
    public static Vector512<T> SquareRoot(Vector512<T> x) => Vector512.Sqrt(x);
    public static Vector512<T> Max(Vector512<T> x, Vector512<T> y) => Vector512.Max(x, y);
    public static T Sum(Vector512<T> value) => Vector512.Sum(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> x, Vector512<T> y, Vector512<T> z)
    {
        if (typeof(T) == typeof(float)) return Vector512.FusedMultiplyAdd(x.As<T, float>(), y.As<T, float>(), z.As<T, float>()).As<float, T>();
        if (typeof(T) == typeof(double)) return Vector512.FusedMultiplyAdd(x.As<T, double>(), y.As<T, double>(), z.As<T, double>()).As<double, T>();
        return x * y + z;
    }
}

/// <summary>Which vector width a batched run uses.</summary>
internal static class LaneWidth
{
    /// <summary>
    /// Bytes per vector for <paramref name="columns"/> columns of <paramref name="elementSize"/>-byte
    /// values: the widest the hardware accelerates that does not pad K by more than one vector's worth
    /// of wasted lanes beyond a narrower choice (16 bytes for ≤ 4 floats, 32 for ≤ 8, else 64 with AVX-512).
    /// </summary>
    public static int Bytes(int columns, int elementSize)
    {
        int needed = columns * elementSize;
        if (needed <= 16 || !Vector256.IsHardwareAccelerated) return 16;
        if (needed <= 32 || !Vector512.IsHardwareAccelerated) return 32;
        return 64;
    }
}
