using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Problems;

/// <summary>
/// A linear least-squares problem A·x ≈ b with A of n×d and b of n×1, held in float64 as NumPy
/// would hold it. Training casts it to the training dtype; baselines use it as it is.
/// </summary>
public sealed class LinearProblem
{
    private readonly double[] _matrix;
    private readonly double[] _target;
    private ProblemScale? _scale;

    private LinearProblem(string name, int rows, int columns, double[] matrix, double[] target)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
        _matrix = matrix;
        _target = target;
    }

    /// <summary>A short description, e.g. "uniform 200×300, seed 0".</summary>
    public string Name { get; }

    /// <summary>n, the number of equations (samples).</summary>
    public int Rows { get; }

    /// <summary>d, the number of unknowns (features).</summary>
    public int Columns { get; }

    /// <summary>A in row-major order (n·d values).</summary>
    public ReadOnlySpan<double> Matrix => _matrix;

    /// <summary>b, one value per row.</summary>
    public ReadOnlySpan<double> Target => _target;

    /// <summary>
    /// Builds a problem from row-major A (n·d values) and b (n values or an n×1 column),
    /// copying both. Throws <see cref="InvalidInputException"/> for inconsistent shapes,
    /// empty arrays or NaN/Inf entries.
    /// </summary>
    public static LinearProblem Create(string name, int rows, int columns, ReadOnlySpan<double> matrix, ReadOnlySpan<double> target)
    {
        Validate(name, rows, columns, matrix, target);
        return new LinearProblem(name, rows, columns, matrix.ToArray(), target.ToArray());
    }

    /// <summary>As <see cref="Create"/>, but takes ownership of the arrays instead of copying them (large problems).</summary>
    internal static LinearProblem Adopt(string name, int rows, int columns, double[] matrix, double[] target)
    {
        Validate(name, rows, columns, matrix, target);
        return new LinearProblem(name, rows, columns, matrix, target);
    }

    private static void Validate(string name, int rows, int columns, ReadOnlySpan<double> matrix, ReadOnlySpan<double> target)
    {
        if (rows <= 0 || columns <= 0)
            throw new InvalidInputException($"problem '{name}': A must have at least one row and one column, got {rows}×{columns}");
        if (matrix.Length != (long)rows * columns)
            throw new InvalidInputException($"problem '{name}': A has {matrix.Length} values, expected {rows}×{columns} = {(long)rows * columns}");
        if (target.Length != rows)
            throw new InvalidInputException($"problem '{name}': b must be {rows}×1 (one value per row of A), got {target.Length} values");
        EnsureFinite(name, "A", matrix, columns);
        EnsureFinite(name, "b", target, 1);
    }

    /// <summary>
    /// [A 1]: A with a column of ones after its last column, and the same b: the problem a model with a bias
    /// (intercept) fits, its bias being the weight of the ones.
    /// </summary>
    public LinearProblem WithInterceptColumn()
    {
        int n = Rows, d = Columns;
        var matrix = new double[n * (d + 1)];
        for (int i = 0; i < n; i++)
        {
            _matrix.AsSpan(i * d, d).CopyTo(matrix.AsSpan(i * (d + 1), d));
            matrix[i * (d + 1) + d] = 1;
        }
        return new LinearProblem(Name, n, d + 1, matrix, (double[])_target.Clone());
    }

    /// <summary>
    /// The check every verb makes before its work: throws <see cref="InvalidInputException"/>,
    /// saying what is wrong with the values, when A and b cannot be worked on in
    /// <paramref name="precision"/> (float64 for lstsq and the SVD): an all-zero A, a value beyond
    /// the dtype's range, an A so small that its curvature underflows, or squares that overflow.
    /// </summary>
    public void EnsureUsable(Precision precision)
    {
        _scale ??= ProblemScale.Of(this);
        _scale.EnsureUsable(Name, Rows, precision);
    }

    /// <summary>
    /// The training MSE of weights <paramref name="x"/>: ‖A·x − b‖² / n, computed in float64
    /// (as the question does with NumPy on Keras' float32 weights). The summation order is fixed,
    /// so the same weights always give the same bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double MeanSquaredError(ReadOnlySpan<double> x)
    {
        if (x.Length != Columns)
            throw new ArgumentException($"expected {Columns} weights, got {x.Length}", nameof(x));
        double sum = 0;
        int i = 0;
        for (; i + 4 <= Rows; i += 4)
        {
            // Four rows per pass over x: four independent accumulator chains.
            var (d0, d1, d2, d3) = VectorMath.Dot4(Row(i), Row(i + 1), Row(i + 2), Row(i + 3), x);
            double r0 = d0 - _target[i], r1 = d1 - _target[i + 1], r2 = d2 - _target[i + 2], r3 = d3 - _target[i + 3];
            sum += r0 * r0 + r1 * r1 + r2 * r2 + r3 * r3;
        }
        for (; i < Rows; i++)
        {
            double residual = VectorMath.Dot(Row(i), x) - _target[i];
            sum += residual * residual;
        }
        return sum / Rows;
    }

    private ReadOnlySpan<double> Row(int i) => Matrix.Slice(i * Columns, Columns);

    private static void EnsureFinite(string name, string array, ReadOnlySpan<double> values, int columns)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (double.IsFinite(values[k])) continue;
            string where = columns == 1 ? $"row {k}" : $"row {k / columns}, column {k % columns}";
            throw new InvalidInputException($"problem '{name}': {array} has {values[k]} at {where} (NaN and Inf are not allowed)");
        }
    }
}
