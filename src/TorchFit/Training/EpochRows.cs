using System.Numerics;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The rows of A and b in the training dtype, and each epoch's order of them as a contiguous copy,
/// drawn with the same <c>randperm</c> call <see cref="KerasTrainer"/> makes, so a seed gives the same batches.
/// </summary>
internal sealed class EpochRows<T> where T : unmanaged, INumber<T>
{
    private readonly T[] _matrix;
    private readonly T[] _target;

    public EpochRows(ReadOnlySpan<double> matrix, ReadOnlySpan<double> target, int columns)
    {
        Columns = columns;
        _matrix = Cast(matrix);
        _target = Cast(target);
        Matrix = new T[_matrix.Length];
        Target = new T[_target.Length];
        _matrix.CopyTo(Matrix, 0);
        _target.CopyTo(Target, 0);
    }

    /// <summary>d, the values per row.</summary>
    public int Columns { get; }

    /// <summary>This epoch's rows of A, row-major (the original order until <see cref="Shuffle"/>).</summary>
    public T[] Matrix { get; }

    /// <summary>This epoch's b, in the same order as <see cref="Matrix"/>.</summary>
    public T[] Target { get; }

    /// <summary>Puts the rows in the order of a fresh permutation from <paramref name="generator"/>.</summary>
    public void Shuffle(Generator generator)
    {
        using var scope = NewDisposeScope();
        var order = randperm(_target.Length, generator: generator).data<long>();
        int d = Columns;
        for (int i = 0; i < _target.Length; i++)
        {
            int source = (int)order[i];
            Array.Copy(_matrix, source * d, Matrix, i * d, d);
            Target[i] = _target[source];
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
