using System.Runtime.CompilerServices;
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
    private readonly double[] _wide = new double[problem.Columns * width];
    private readonly double[] _residuals = new double[RowsPerPass * width];
    private readonly double[] _sums = new double[width];

    /// <summary>The MSE per padded column (the first K are the real ones); the array is reused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Evaluate<T>(ColumnMatrix<T> weights) where T : unmanaged, System.Numerics.INumber<T>
    {
        Widening.Widen<T>(weights.Values, _wide);
        if (width % 8 == 0 && Vector512.IsHardwareAccelerated) Sum<Vector512<double>, Lanes512<double>>(_wide);
        else if (width % 4 == 0) Sum<Vector256<double>, Lanes256<double>>(_wide);
        else Sum<Vector128<double>, Lanes128<double>>(_wide);
        return _sums;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Sum<TV, L>(double[] wide) where TV : struct where L : struct, ILanes<double, TV>
    {
        int n = problem.Rows, d = problem.Columns;
        var matrix = problem.Matrix;
        var target = problem.Target;
        Array.Clear(_sums);
        ref double sums = ref _sums[0];
        for (int start = 0; start < n; start += RowsPerPass)
        {
            int count = Math.Min(RowsPerPass, n - start);
            ColumnKernels<double, TV, L>.Residuals(matrix.Slice(start * d, count * d), target.Slice(start, count), count, wide, _residuals, width);
            for (int i = 0; i < count; i++)
                for (int c = 0; c < width; c += L.Count)
                {
                    var r = L.Load(ref _residuals[0], (nuint)(i * width + c));
                    L.Store(L.MultiplyAdd(r, r, L.Load(ref sums, (nuint)c)), ref sums, (nuint)c);
                }
        }
        for (int k = 0; k < width; k++) _sums[k] /= n;
    }
}
