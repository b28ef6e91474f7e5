using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The rows of A and b in the training dtype and each epoch's order of them, drawn with the same
/// <c>randperm</c> call the Keras mirror makes, so a seed gives the same batches. Nothing is
/// copied per epoch: readers index rows through <see cref="Order"/>, or <see cref="Gather"/> one batch
/// into a small buffer (it then sits in L1 for the kernels that read it twice; copying all of A every
/// epoch cost as much as the batched engine's residuals).
/// </summary>
internal sealed class EpochRows<T> where T : unmanaged, INumber<T>
{
    public EpochRows(ReadOnlySpan<double> matrix, ReadOnlySpan<double> target, int columns)
    {
        Columns = columns;
        Source = Cast(matrix);
        SourceTarget = Cast(target);
        Order = [.. Enumerable.Range(0, target.Length)];
    }

    /// <summary>d, the values per row.</summary>
    public int Columns { get; }

    /// <summary>A in its original order, row-major.</summary>
    public T[] Source { get; }

    /// <summary>b in its original order.</summary>
    public T[] SourceTarget { get; }

    /// <summary>This epoch's order: position i holds original row Order[i].</summary>
    public int[] Order { get; }

    /// <summary>Row i of this epoch.</summary>
    public ReadOnlySpan<T> Row(int i) => Source.AsSpan(Order[i] * Columns, Columns);

    /// <summary>b of row i of this epoch.</summary>
    public T TargetAt(int i) => SourceTarget[Order[i]];

    /// <summary>Copies this epoch's rows start … start + count − 1 (and their b) into contiguous buffers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(int start, int count, Span<T> rows, Span<T> targets)
    {
        int d = Columns;
        for (int i = 0; i < count; i++)
        {
            Row(start + i).CopyTo(rows.Slice(i * d, d));
            targets[i] = TargetAt(start + i);
        }
    }

    /// <summary>Puts the rows in the order of a fresh permutation from <paramref name="generator"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Shuffle(Generator generator)
    {
        using var permutation = randperm(Order.Length, generator: generator);
        // Read the CPU tensor's memory in place: TensorAccessor's indexer makes native calls per element.
        var order = MemoryMarshal.Cast<byte, long>(permutation.bytes);
        for (int i = 0; i < Order.Length; i++) Order[i] = (int)order[i];
    }

    /// <summary>The values converted to <typeparamref name="T"/>.</summary>
    public static T[] Cast(ReadOnlySpan<double> values)
    {
        var result = new T[values.Length];
        for (int k = 0; k < values.Length; k++) result[k] = T.CreateChecked(values[k]);
        return result;
    }
}
