using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TorchFit.Numerics;

/// <summary>
/// A buffer of <typeparamref name="T"/> whose first element sits on a 64-byte boundary, so 512-bit loads
/// and stores never straddle two cache lines. .NET aligns arrays to 8 bytes only, and a misaligned W
/// made the batched engine's whole run 1.5× slower or not, depending on where the GC put it. The array
/// lives on the pinned object heap, so the GC never moves it off the boundary.
/// </summary>
internal sealed class AlignedBuffer<T> where T : unmanaged
{
    private const int Alignment = 64;
    private readonly T[] _storage;
    private readonly int _offset;

    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        int size = Unsafe.SizeOf<T>(), spare = Alignment / size;
        _storage = GC.AllocateArray<T>(length + spare, pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(_storage, 0).ToInt64();
        _offset = (int)((Alignment - address % Alignment) % Alignment / size);
        Length = length;
    }

    public int Length { get; }

    /// <summary>The aligned elements.</summary>
    public Span<T> Span => _storage.AsSpan(_offset, Length);
}
