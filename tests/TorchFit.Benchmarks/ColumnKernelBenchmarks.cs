using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using TorchFit.Numerics;

namespace TorchFit.Benchmarks;

/// <summary>
/// The batched engine's <see cref="Widening"/> loops (Widen now on the library, its hand side the retired loop) against <see cref="TensorPrimitives"/> on its
/// K-wide rows (Kp = K rounded up to whole 512-bit vectors): AddSquares over one step's 32 residual
/// rows (the per-step loss), Widen over W's d×Kp values (the per-epoch MSE). The library's AddSquares
/// for float takes three passes (square in float, widen, add), as it has no fused widening kernel.
/// </summary>
[GenericTypeArguments(typeof(float))]
[GenericTypeArguments(typeof(double))]
public class ColumnKernelBenchmarks<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int D = 300;
    private const int Batch = 32;
    private AlignedBuffer<T> _residuals = null!, _weights = null!, _squares = null!;
    private AlignedBuffer<double> _sums = null!, _wideSquares = null!, _wide = null!;
    private int _kp;

    /// <summary>Configurations trained at once.</summary>
    [Params(1, 64)]
    public int K { get; set; } = 64;

    [GlobalSetup]
    public void Setup()
    {
        int width = 64 / System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        _kp = (K + width - 1) / width * width;
        var random = new Random(0);
        AlignedBuffer<T> Values(int n)
        {
            var buffer = new AlignedBuffer<T>(n);
            for (int k = 0; k < n; k++) buffer.Span[k] = T.CreateChecked(random.NextDouble() - 0.5);
            return buffer;
        }
        (_residuals, _weights, _squares) = (Values(Batch * _kp), Values(D * _kp), new AlignedBuffer<T>(_kp));
        (_sums, _wideSquares, _wide) = (new AlignedBuffer<double>(_kp), new AlignedBuffer<double>(_kp), new AlignedBuffer<double>(D * _kp));
    }

    [Benchmark(Baseline = true)]
    public void AddSquaresHand()
    {
        for (int i = 0; i < Batch; i++) Widening.AddSquares<T>(_residuals.Span.Slice(i * _kp, _kp), _sums.Span);
    }

    [Benchmark]
    public void AddSquaresLibrary()
    {
        for (int i = 0; i < Batch; i++)
        {
            var row = _residuals.Span.Slice(i * _kp, _kp);
            Span<double> sums = _sums.Span;
            if (typeof(T) == typeof(double))
            {
                var doubles = MemoryMarshal.Cast<T, double>(row);
                TensorPrimitives.MultiplyAdd(doubles, doubles, sums, sums);
                continue;
            }
            TensorPrimitives.Multiply<T>(row, row, _squares.Span);
            TensorPrimitives.ConvertChecked<T, double>(_squares.Span, _wideSquares.Span);
            TensorPrimitives.Add(sums, _wideSquares.Span, sums);
        }
    }

    [Benchmark]
    public void WidenHand() => RetiredKernels.Widen<T>(_weights.Span, _wide.Span);

    [Benchmark]
    public void WidenLibrary() => Widening.Widen<T>(_weights.Span, _wide.Span);
}
