using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchFit.Numerics;

namespace TorchFit.Tests.Numerics;

public class AlignedBufferTests
{
    [Fact]
    public void Should_Start_On_A_64_Byte_Boundary_And_Stay_There_Through_A_Compacting_Collection()
    {
        // Given buffers of several types and lengths, allocated between garbage of odd sizes
        var garbage = new List<byte[]>();
        var buffers = new List<(Func<long> Address, int Length, int Expected)>();
        for (int n = 1; n <= 40; n += 3)
        {
            garbage.Add(new byte[n * 7]);
            var floats = new AlignedBuffer<float>(n);
            var doubles = new AlignedBuffer<double>(n);
            buffers.Add((() => Address(floats.Span), floats.Span.Length, n));
            buffers.Add((() => Address(doubles.Span), doubles.Span.Length, n));
        }

        // When the GC compacts the heap
        garbage.Clear();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        // Then every span starts on a 64-byte boundary and has the length asked for
        Assert.All(buffers, b =>
        {
            Assert.Equal(0, b.Address() % 64);
            Assert.Equal(b.Expected, b.Length);
        });
    }

    [Fact]
    public void Should_Start_Zeroed()
    {
        Assert.All(new AlignedBuffer<double>(100).Span.ToArray(), v => Assert.Equal(0.0, v));
    }

    /// <summary>The address of span[0] (its byte offset from null).</summary>
    private static long Address<T>(Span<T> span) where T : unmanaged =>
        (long)Unsafe.ByteOffset(ref Unsafe.NullRef<T>(), ref MemoryMarshal.GetReference(span));
}
