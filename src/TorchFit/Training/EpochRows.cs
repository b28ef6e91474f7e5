using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The rows of A and b in the training dtype and each epoch's order of them, drawn with the same
/// <c>randperm</c> call <see cref="KerasTrainer"/> makes, so a seed gives the same batches. With
/// <c>copyRows</c> the rows are also copied into that order every epoch (contiguous batches for the
/// batched kernels); without it, readers index through <see cref="Order"/> and nothing is copied,
/// which matters when A is large.
/// </summary>
internal sealed class EpochRows<T> where T : unmanaged, INumber<T>
{
    private readonly bool _copyRows;

    public EpochRows(ReadOnlySpan<double> matrix, ReadOnlySpan<double> target, int columns, bool copyRows)
    {
        Columns = columns;
        _copyRows = copyRows;
        Source = Cast(matrix);
        SourceTarget = Cast(target);
        Order = [.. Enumerable.Range(0, target.Length)];
        Matrix = copyRows ? (T[])Source.Clone() : [];
        Target = copyRows ? (T[])SourceTarget.Clone() : [];
    }

    /// <summary>d, the values per row.</summary>
    public int Columns { get; }

    /// <summary>A in its original order, row-major.</summary>
    public T[] Source { get; }

    /// <summary>b in its original order.</summary>
    public T[] SourceTarget { get; }

    /// <summary>This epoch's order: position i holds original row Order[i].</summary>
    public int[] Order { get; }

    /// <summary>With copyRows, this epoch's rows of A in <see cref="Order"/>, row-major; else empty.</summary>
    public T[] Matrix { get; }

    /// <summary>With copyRows, b in <see cref="Order"/>; else empty.</summary>
    public T[] Target { get; }

    /// <summary>Row i of this epoch.</summary>
    public ReadOnlySpan<T> Row(int i) => Source.AsSpan(Order[i] * Columns, Columns);

    /// <summary>b of row i of this epoch.</summary>
    public T TargetAt(int i) => SourceTarget[Order[i]];

    /// <summary>Puts the rows in the order of a fresh permutation from <paramref name="generator"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Shuffle(Generator generator)
    {
        using (var permutation = randperm(Order.Length, generator: generator))
        {
            // Read the CPU tensor's memory in place: TensorAccessor's indexer makes native calls per element.
            var order = MemoryMarshal.Cast<byte, long>(permutation.bytes);
            for (int i = 0; i < Order.Length; i++) Order[i] = (int)order[i];
        }
        if (!_copyRows) return;
        int d = Columns;
        for (int i = 0; i < Order.Length; i++)
        {
            Array.Copy(Source, Order[i] * d, Matrix, i * d, d);
            Target[i] = SourceTarget[Order[i]];
        }
    }

    /// <summary>The values converted to <typeparamref name="T"/>.</summary>
    public static T[] Cast(ReadOnlySpan<double> values)
    {
        var result = new T[values.Length];
        for (int k = 0; k < values.Length; k++) result[k] = T.CreateChecked(values[k]);
        return result;
    }
}
