using System.Numerics;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>A rule's per-weight state on the CPU: <see cref="IUpdateRule{T}.StateCount"/> buffers shaped like the weights, on 64-byte boundaries.</summary>
internal sealed class RuleStateBuffers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly AlignedBuffer<T>[] _buffers;

    private RuleStateBuffers(int count, int length)
    {
        if (count is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(count), count, "a rule keeps 0 to 3 state buffers");
        _buffers = [.. Enumerable.Range(0, count).Select(_ => new AlignedBuffer<T>(length))];
    }

    /// <summary>
    /// The state of <paramref name="rule"/> for <paramref name="rows"/> weights × <paramref name="width"/> columns
    /// (row-major; the fused engine's one configuration is one column), each at the rule's starting value.
    /// </summary>
    public static RuleStateBuffers<T> For<TRule>(in TRule rule, int rows, int width) where TRule : struct, IUpdateRule<T>
    {
        var state = new RuleStateBuffers<T>(rule.StateCount, rows * width);
        for (int buffer = 0; buffer < state.Count; buffer++)
        {
            var values = state[buffer];
            for (int k = 0; k < width; k++)
            {
                T start = rule.InitialState(buffer, k);
                if (start == T.Zero) continue;
                for (int j = 0; j < rows; j++) values[j * width + k] = start;
            }
        }
        return state;
    }

    /// <summary>How many buffers there are.</summary>
    public int Count => _buffers.Length;

    /// <summary>Buffer <paramref name="index"/>.</summary>
    public Span<T> this[int index] => _buffers[index].Span;
}
