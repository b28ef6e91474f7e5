using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Batched;

/// <summary>
/// Per-column SGD settings of a batched run, as Kp-long arrays, and torch.optim.SGD's update for a
/// slice of a weight row: buf ← μ·buf + g; w ← w − η·(α·g + β·buf), with (α, β) = (1, μ) for
/// Nesterov and (0, 1) for heavy ball. μ = 0 gives buf = g and so plain SGD in both forms. A frozen
/// column (diverged, reached its target, or padding) has η = 0 and never moves.
/// </summary>
internal sealed class ColumnRates<T> where T : unmanaged, INumber<T>
{
    private readonly T[] _learningRates;
    private readonly T[] _momenta;
    private readonly T[] _gradientWeights;
    private readonly T[] _bufferWeights;

    public ColumnRates(IReadOnlyList<TrainingOptions> columns, int width)
    {
        Width = width;
        _learningRates = new T[width];
        _momenta = new T[width];
        _gradientWeights = new T[width];
        _bufferWeights = new T[width];
        Array.Fill(_bufferWeights, T.One);
        for (int k = 0; k < columns.Count; k++)
        {
            _learningRates[k] = T.CreateChecked(columns[k].LearningRate);
            _momenta[k] = T.CreateChecked(columns[k].Momentum);
            if (columns[k].Nesterov) (_gradientWeights[k], _bufferWeights[k]) = (T.One, _momenta[k]);
        }
        UsesMomentum = columns.Any(c => c.Momentum > 0);
    }

    /// <summary>Kp, the padded number of columns.</summary>
    public int Width { get; }

    /// <summary>False when every column is plain SGD: the buffer is then never touched.</summary>
    public bool UsesMomentum { get; }

    /// <summary>η per column (0 for frozen and padding columns).</summary>
    public ReadOnlySpan<T> LearningRates => _learningRates;

    /// <summary>μ per column.</summary>
    public ReadOnlySpan<T> Momenta => _momenta;

    /// <summary>α per column: 1 for Nesterov, else 0.</summary>
    public ReadOnlySpan<T> GradientWeights => _gradientWeights;

    /// <summary>β per column: μ for Nesterov, else 1.</summary>
    public ReadOnlySpan<T> BufferWeights => _bufferWeights;

    /// <summary>Stops column <paramref name="k"/> from moving.</summary>
    public void Freeze(int k) => _learningRates[k] = T.Zero;

    /// <summary>Applies the update with gradient slice <paramref name="gradient"/> to W and buf at <paramref name="offset"/> (columns from <paramref name="column"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public void Update<TV, L>(Span<T> w, Span<T> buffer, int offset, TV gradient, int column)
        where TV : struct
        where L : struct, ILanes<T, TV>
    {
        ref T wRef = ref MemoryMarshal.GetReference(w);
        var rate = L.Load(ref MemoryMarshal.GetArrayDataReference(_learningRates), (nuint)column);
        var step = gradient;
        if (UsesMomentum)
        {
            ref T bRef = ref MemoryMarshal.GetReference(buffer);
            var momentum = L.Load(ref MemoryMarshal.GetArrayDataReference(_momenta), (nuint)column);
            var velocity = L.MultiplyAdd(momentum, L.Load(ref bRef, (nuint)offset), gradient);
            L.Store(velocity, ref bRef, (nuint)offset);
            step = L.Add(
                L.Multiply(L.Load(ref MemoryMarshal.GetArrayDataReference(_gradientWeights), (nuint)column), gradient),
                L.Multiply(L.Load(ref MemoryMarshal.GetArrayDataReference(_bufferWeights), (nuint)column), velocity));
        }
        L.Store(L.Subtract(L.Load(ref wRef, (nuint)offset), L.Multiply(rate, step)), ref wRef, (nuint)offset);
    }
}
