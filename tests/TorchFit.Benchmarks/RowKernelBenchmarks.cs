using System.Numerics;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using TorchFit.Numerics;

namespace TorchFit.Benchmarks;

/// <summary>
/// The fused engine's row kernels against <see cref="TensorPrimitives"/> on its rows: d = 300, as in the
/// question's 200×300 problem. Each <c>…Hand</c> method has a <c>…Library</c> partner doing the same work.
/// Widen now runs on the library, so its hand side is the retired loop (<see cref="RetiredKernels"/>);
/// Dot4 and AddScaled4 (four rows sharing one pass over w or g) have no library kernel, so their partner is
/// four library calls.
/// <see cref="InterleavedComparison"/> times the pairs side by side.
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class RowKernelBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int D = 300;
    private readonly T _alpha = T.CreateChecked(1e-3);
    private readonly T _momentum = T.CreateChecked(0.9);
    private AlignedBuffer<T> _rows = null!, _weights = null!, _gradient = null!;
    private AlignedBuffer<double> _wide = null!;

    private Span<T> A0 => _rows.Span[..D];
    private Span<T> A1 => _rows.Span.Slice(D, D);
    private Span<T> A2 => _rows.Span.Slice(2 * D, D);
    private Span<T> A3 => _rows.Span.Slice(3 * D, D);
    private Span<T> W => _weights.Span;
    private Span<T> G => _gradient.Span;

    /// <summary>As in the engine: w and g 64-byte aligned, the rows consecutive rows of one matrix (so only the first is aligned).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(0);
        AlignedBuffer<T> Values(int n)
        {
            var buffer = new AlignedBuffer<T>(n);
            for (int k = 0; k < n; k++) buffer.Span[k] = T.CreateChecked(random.NextDouble() - 0.5);
            return buffer;
        }
        (_rows, _weights, _gradient) = (Values(4 * D), Values(D), Values(D));
        _wide = new AlignedBuffer<double>(D);
    }

    [Benchmark(Baseline = true)]
    public T DotHand() => VectorMath.Dot<T>(A0, W);

    [Benchmark]
    public T DotLibrary() => TensorPrimitives.Dot<T>(A0, W);

    [Benchmark]
    public (T, T, T, T) Dot4Hand() => VectorMath.Dot4<T>(A0, A1, A2, A3, W);

    [Benchmark]
    public (T, T, T, T) Dot4Library() =>
        (TensorPrimitives.Dot<T>(A0, W), TensorPrimitives.Dot<T>(A1, W), TensorPrimitives.Dot<T>(A2, W), TensorPrimitives.Dot<T>(A3, W));

    [Benchmark]
    public void AddScaledHand() => VectorMath.AddScaled<T>(G, _alpha, A0);

    [Benchmark]
    public void AddScaledLibrary() => TensorPrimitives.FusedMultiplyAdd<T>(A0, _alpha, G, G);

    [Benchmark]
    public void AddScaled4Hand() => VectorMath.AddScaled4<T>(G, _alpha, A0, -_alpha, A1, _alpha, A2, -_alpha, A3);

    [Benchmark]
    public void AddScaled4Library()
    {
        TensorPrimitives.FusedMultiplyAdd<T>(A0, _alpha, G, G);
        TensorPrimitives.FusedMultiplyAdd<T>(A1, -_alpha, G, G);
        TensorPrimitives.FusedMultiplyAdd<T>(A2, _alpha, G, G);
        TensorPrimitives.FusedMultiplyAdd<T>(A3, -_alpha, G, G);
    }

    [Benchmark]
    public void WidenHand() => RetiredKernels.Widen<T>(W, _wide.Span);

    [Benchmark]
    public void WidenLibrary() => Widening.Widen<T>(W, _wide.Span);
}
