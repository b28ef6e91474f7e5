using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;
using TorchFit.Problems;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The steps of <see cref="FusedTrainer"/>: per batch, g = (2/B)·Σᵢ rᵢ·aᵢ with rᵢ = aᵢ·w − bᵢ, then
/// torch.optim.SGD's update, on preallocated managed buffers with SIMD. Rows are read through the
/// epoch's order, never copied. The benchmark drives it directly to time steps without the per-epoch MSE.
/// </summary>
internal sealed class FusedStepper<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly EpochRows<T> _rows;
    private readonly TrainingOptions _options;
    private readonly IReadOnlyList<(int Start, int Length)> _batches;
    private readonly T[] _buffer;     // PyTorch's momentum buffer (starts at 0, so the first step sets it to g)
    private readonly T[] _gradient;
    private readonly T _learningRate;
    private readonly T _momentum;
    private readonly double[] _widened;

    public FusedStepper(LinearProblem problem, TrainingOptions options, IReadOnlyList<double> initialWeights)
    {
        _options = options;
        _rows = new EpochRows<T>(problem.Matrix, problem.Target, problem.Columns);
        _batches = BatchPlan.For(problem.Rows, Math.Min(options.BatchSize, problem.Rows));
        Weights = EpochRows<T>.Cast([.. initialWeights]);
        _buffer = new T[problem.Columns];
        _gradient = new T[problem.Columns];
        _widened = new double[problem.Columns];
        _learningRate = T.CreateChecked(options.LearningRate);
        _momentum = T.CreateChecked(options.Momentum);
    }

    /// <summary>The current weights, in the training dtype.</summary>
    public T[] Weights { get; }

    /// <summary>Steps in one epoch.</summary>
    public int StepsPerEpoch => _batches.Count;

    /// <summary>One epoch (shuffled when the options say so); returns Keras' History loss of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double RunEpoch(Generator generator)
    {
        if (_options.Shuffle) _rows.Shuffle(generator);
        double weightedLossSum = 0;
        foreach (var (start, length) in _batches)
        {
            Array.Clear(_gradient);
            T scale = T.CreateChecked(2.0 / length);
            double batchLoss = 0;
            int i = start, end = start + length;
            for (; i + 4 <= end; i += 4)
            {
                // Four rows at a time: w and g are read once per four rows instead of once per row.
                ReadOnlySpan<T> a0 = _rows.Row(i), a1 = _rows.Row(i + 1), a2 = _rows.Row(i + 2), a3 = _rows.Row(i + 3);
                var (d0, d1, d2, d3) = VectorMath.Dot4<T>(a0, a1, a2, a3, Weights);
                T r0 = d0 - _rows.TargetAt(i), r1 = d1 - _rows.TargetAt(i + 1), r2 = d2 - _rows.TargetAt(i + 2), r3 = d3 - _rows.TargetAt(i + 3);
                batchLoss += double.CreateChecked(r0 * r0) + double.CreateChecked(r1 * r1) + double.CreateChecked(r2 * r2) + double.CreateChecked(r3 * r3);
                VectorMath.AddScaled4<T>(_gradient, scale * r0, a0, scale * r1, a1, scale * r2, a2, scale * r3, a3);
            }
            for (; i < end; i++)
            {
                var row = _rows.Row(i);
                T residual = VectorMath.Dot<T>(row, Weights) - _rows.TargetAt(i);
                batchLoss += double.CreateChecked(residual * residual);
                VectorMath.AddScaled<T>(_gradient, scale * residual, row);   // g += (2/B)·rᵢ·aᵢ
            }
            weightedLossSum += batchLoss;   // (loss mean over the batch) × B
            Step();
        }
        return weightedLossSum / _rows.Order.Length;
    }

    /// <summary>The weights widened to double, in a buffer reused every call (for the per-epoch MSE).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<double> Widened()
    {
        Widening.Widen<T>(Weights, _widened);
        return _widened;
    }

    /// <summary>torch.optim.SGD without dampening or weight decay: buf ← μ·buf + g; w ← w − η·(Nesterov ? g + μ·buf : buf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step()
    {
        if (_options.Momentum > 0)
        {
            VectorMath.ScaleAdd<T>(_buffer, _momentum, _gradient);
            if (_options.Nesterov) VectorMath.AddScaled<T>(_gradient, _momentum, _buffer);
            else _buffer.CopyTo(_gradient, 0);
        }
        VectorMath.AddScaled<T>(Weights, -_learningRate, _gradient);
    }
}
