using System.Numerics;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// A rule's scalars per configuration, one row per scalar, stored flat with a row length of
/// <see cref="Width"/> columns on 64-byte boundaries: the batched engine loads a vector of K
/// configurations' values from a row at the column it updates. A single configuration fills every
/// column of a row with its value, so a vector load at column 0 is a broadcast of any width.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal sealed class ParameterTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Columns per row for one configuration: the lanes of the widest vector (512 bits of float).</summary>
    public const int BroadcastWidth = 16;

    private readonly AlignedBuffer<T> _values;

    /// <summary>A table of <paramref name="rows"/> scalars for <paramref name="width"/> columns, all 0 (padding columns stay 0).</summary>
    public ParameterTable(int rows, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Rows = rows;
        Width = width;
        _values = new AlignedBuffer<T>(Math.Max(1, rows) * width);
    }

    /// <summary>Scalars per configuration.</summary>
    public int Rows { get; }

    /// <summary>Columns per row.</summary>
    public int Width { get; }

    /// <summary>All rows, flat: row r starts at r·<see cref="Width"/>.</summary>
    public Span<T> Values => _values.Span;

    /// <summary>Row <paramref name="row"/>: one value per column.</summary>
    public Span<T> Row(int row) => Values.Slice(row * Width, Width);

    /// <summary>
    /// Fills row <paramref name="row"/> from the configurations (column k from configuration k), or with the one
    /// configuration's value in every column when <paramref name="broadcast"/> is set.
    /// </summary>
    public void Fill(int row, IReadOnlyList<TrainingOptions> configurations, Func<TrainingOptions, double> value, bool broadcast)
    {
        var target = Row(row);
        if (broadcast)
        {
            target.Fill(T.CreateChecked(value(configurations[0])));
            return;
        }
        for (int k = 0; k < configurations.Count; k++) target[k] = T.CreateChecked(value(configurations[k]));
    }
}
