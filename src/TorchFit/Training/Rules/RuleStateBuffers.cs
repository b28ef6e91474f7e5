using System.Numerics;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>A rule's per-weight state on the CPU: <see cref="IUpdateRule{T}.StateCount"/> zeroed buffers shaped like the weights, on 64-byte boundaries.</summary>
internal sealed class RuleStateBuffers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedBuffer<T>[] _buffers;

    public RuleStateBuffers(int count, int length)
    {
        if (count is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(count), count, "a rule keeps 0 to 3 state buffers");
        _buffers = [.. Enumerable.Range(0, count).Select(_ => new AlignedBuffer<T>(length))];
    }

    /// <summary>How many buffers there are.</summary>
    public int Count => _buffers.Length;

    /// <summary>Buffer <paramref name="index"/>.</summary>
    public Span<T> this[int index] => _buffers[index].Span;
}
