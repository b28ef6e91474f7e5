using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchFit.Numerics;
using TorchFit.Problems;

namespace TorchFit.Training.Batched;

/// <summary>
/// The full-data MSE ‖A·wₖ − b‖²/n of every column in float64, as the solo engines compute it per
/// epoch: one pass over A for all columns, in a fixed order, so the same weights give the same bits.
/// </summary>
internal sealed class ColumnMse(LinearProblem problem, int width)
{
    private const int RowsPerPass = 40;
    private readonly AlignedBuffer<double> _wide = new(problem.Columns * width);
    private readonly AlignedBuffer<double> _residuals = new(RowsPerPass * width);
    private readonly AlignedBuffer<double> _squares = new(width);
    private readonly double[] _mse = new double[width];

    /// <summary>The MSE per padded column (the first K are the real ones); the array is reused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Evaluate<T>(ColumnMatrix<T> weights) where T : unmanaged, System.Numerics.INumber<T>
    {
        Widening.Widen<T>(weights.Values, _wide.Span);
        if (width % 8 == 0 && Vector512.IsHardwareAccelerated) Sum<Vector512<double>, Lanes512<double>>();
        else if (width % 4 == 0) Sum<Vector256<double>, Lanes256<double>>();
        else Sum<Vector128<double>, Lanes128<double>>();
        var squares = _squares.Span;
        for (int k = 0; k < width; k++) _mse[k] = squares[k] / problem.Rows;
        return _mse;
    }

    /// <summary>Σᵢ rᵢₖ² per column into <see cref="_squares"/>, rows in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sum<TV, L>() where TV : struct where L : struct, ILanes<double, TV>
    {
        int n = problem.Rows, d = problem.Columns;
        var matrix = problem.Matrix;
        var target = problem.Target;
        var squares = _squares.Span;
        var residuals = _residuals.Span;
        squares.Clear();
        ref double sums = ref MemoryMarshal.GetReference(squares);
        ref double r0 = ref MemoryMarshal.GetReference(residuals);
        for (int start = 0; start < n; start += RowsPerPass)
        {
            int count = Math.Min(RowsPerPass, n - start);
            ColumnKernels<double, TV, L>.Residuals(matrix.Slice(start * d, count * d), target.Slice(start, count), count, _wide.Span, residuals, width);
            for (int i = 0; i < count; i++)
                for (int c = 0; c < width; c += L.Count)
                {
                    var r = L.Load(ref r0, (nuint)(i * width + c));
                    L.Store(L.MultiplyAdd(r, r, L.Load(ref sums, (nuint)c)), ref sums, (nuint)c);
                }
        }
    }
}
