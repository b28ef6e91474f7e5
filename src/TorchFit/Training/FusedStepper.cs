using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchFit.Numerics;
using TorchFit.Problems;
using TorchFit.Training.Rules;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The steps of the fused engine: per batch, g = (2/B)·Σᵢ rᵢ·aᵢ with rᵢ = aᵢ·w − bᵢ, then the update rule
/// <typeparamref name="TRule"/>, on preallocated managed buffers with SIMD. Rows are read through the
/// epoch's order, never copied. The benchmark drives it directly to time steps without the per-epoch MSE.
/// </summary>
internal sealed class FusedStepper<T, TRule>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TRule : struct, IUpdateRule<T>
{
    private readonly EpochRows<T> _rows;
    private readonly TrainingOptions _options;
    private readonly BatchPlan _plan;
    private readonly TRule _rule;
    private readonly RuleStateBuffers<T> _state;
    private readonly AlignedBuffer<T> _weights;
    private readonly AlignedBuffer<T> _gradient;
    private readonly double[] _widened;
    private long _steps;

    public FusedStepper(LinearProblem problem, TrainingOptions options, TRule rule, IReadOnlyList<double> initialWeights)
    {
        _options = options;
        _rule = rule;
        _rows = new EpochRows<T>(problem.Matrix, problem.Target, problem.Columns);
        _plan = new BatchPlan(problem.Rows, options.BatchSize);
        _weights = new AlignedBuffer<T>(problem.Columns);
        for (int j = 0; j < problem.Columns; j++) _weights.Span[j] = T.CreateChecked(initialWeights[j]);
        _gradient = new AlignedBuffer<T>(problem.Columns);
        _state = RuleStateBuffers<T>.For(rule, problem.Columns, 1);
        _widened = new double[problem.Columns];
    }

    /// <summary>The current weights, in the training dtype.</summary>
    public ReadOnlySpan<T> Weights => _weights.Span;

    /// <summary>Steps in one epoch.</summary>
    public int StepsPerEpoch => _plan.StepsPerEpoch;

    /// <summary>One epoch (shuffled when the options say so); returns Keras' History loss of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double RunEpoch(Generator generator)
    {
        if (_options.Shuffle) _rows.Shuffle(generator);
        var weights = _weights.Span;
        var gradient = _gradient.Span;
        double weightedLossSum = 0;
        foreach (var (start, length) in _plan.Batches)
        {
            gradient.Clear();
            T scale = T.CreateChecked(2.0 / length);
            double batchLoss = 0;
            int i = start, end = start + length;
            for (; i + 4 <= end; i += 4)
            {
                // Four rows at a time: w and g are read once per four rows instead of once per row.
                ReadOnlySpan<T> a0 = _rows.Row(i), a1 = _rows.Row(i + 1), a2 = _rows.Row(i + 2), a3 = _rows.Row(i + 3);
                var (d0, d1, d2, d3) = VectorMath.Dot4<T>(a0, a1, a2, a3, weights);
                T r0 = d0 - _rows.TargetAt(i), r1 = d1 - _rows.TargetAt(i + 1), r2 = d2 - _rows.TargetAt(i + 2), r3 = d3 - _rows.TargetAt(i + 3);
                batchLoss += double.CreateChecked(r0 * r0) + double.CreateChecked(r1 * r1) + double.CreateChecked(r2 * r2) + double.CreateChecked(r3 * r3);
                VectorMath.AddScaled4<T>(gradient, scale * r0, a0, scale * r1, a1, scale * r2, a2, scale * r3, a3);
            }
            for (; i < end; i++)
            {
                var row = _rows.Row(i);
                T residual = VectorMath.Dot<T>(row, weights) - _rows.TargetAt(i);
                batchLoss += double.CreateChecked(residual * residual);
                VectorMath.AddScaled<T>(gradient, scale * residual, row);   // g += (2/B)·rᵢ·aᵢ
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
        Widening.Widen<T>(_weights.Span, _widened);
        return _widened;
    }

    /// <summary>The rule applied along w: 512-bit lanes first, then 256, 128 and single weights for the tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Step()
    {
        _rule.BeginStep(++_steps);
        var buffers = new RuleBuffers<T>(_weights.Span, _state, _rule.Parameters);
        ref T gradient = ref MemoryMarshal.GetReference(_gradient.Span);
        int d = _weights.Length, k = 0;
        if (Vector512.IsHardwareAccelerated) k = Update<Vector512<T>, Lanes512<T>>(buffers, ref gradient, k, d);
        if (Vector256.IsHardwareAccelerated) k = Update<Vector256<T>, Lanes256<T>>(buffers, ref gradient, k, d);
        if (Vector128.IsHardwareAccelerated) k = Update<Vector128<T>, Lanes128<T>>(buffers, ref gradient, k, d);
        Update<T, ScalarLanes<T>>(buffers, ref gradient, k, d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private int Update<TV, L>(in RuleBuffers<T> buffers, ref T gradient, int k, int d) where L : struct, ILanes<T, TV>
    {
        var scalars = RuleKernel<T, TV, L>.Scalars(buffers, 0);   // one configuration: the same scalars in every lane
        for (; k + L.Count <= d; k += L.Count) RuleKernel<T, TV, L>.Apply(_rule, buffers, (nuint)k, scalars, L.Load(ref gradient, (nuint)k));
        return k;
    }
}
