using System.Numerics;
using TorchFit.Numerics;

namespace TorchFit.Training.Batched;

/// <summary>
/// K weight vectors of length d as the columns of a d×Kp row-major matrix; Kp is K rounded up to
/// whole SIMD vectors of the run's width and the padding columns stay zero.
/// </summary>
internal sealed class ColumnMatrix<T> where T : unmanaged, INumber<T>
{
    public ColumnMatrix(int rows, int columns, int lanes)
    {
        Rows = rows;
        Columns = columns;
        Width = WidthFor(columns, lanes);
        _values = new AlignedBuffer<T>(rows * Width);
    }

    /// <summary>Kp for <paramref name="columns"/> columns: whole vectors of <paramref name="lanes"/>.</summary>
    public static int WidthFor(int columns, int lanes) => (columns + lanes - 1) / lanes * lanes;

    /// <summary>d.</summary>
    public int Rows { get; }

    /// <summary>K, the real columns.</summary>
    public int Columns { get; }

    /// <summary>Kp, the padded row length.</summary>
    public int Width { get; }

    private readonly AlignedBuffer<T> _values;

    /// <summary>The d×Kp values, row-major, 64-byte aligned (rows too when Kp·size is a multiple of 64).</summary>
    public Span<T> Values => _values.Span;

    /// <summary>Sets every real column to <paramref name="vector"/>.</summary>
    public void FillColumns(IReadOnlyList<double> vector)
    {
        for (int j = 0; j < Rows; j++)
            Values.Slice(j * Width, Columns).Fill(T.CreateChecked(vector[j]));
    }

    /// <summary>Column <paramref name="k"/>, widened to double.</summary>
    public double[] Column(int k)
    {
        var column = new double[Rows];
        var values = Values;
        for (int j = 0; j < Rows; j++) column[j] = double.CreateChecked(values[j * Width + k]);
        return column;
    }
}
