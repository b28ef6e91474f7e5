using TorchFit.Problems;
using TorchFit.Problems.Files;

namespace TorchFit.Diagnostics;

/// <summary>What <c>torchfit problem info</c> reports about a problem file: how it was stored, and its spectrum (so it lives in Diagnostics, which reads Problems, never the other way round).</summary>
/// <param name="Source">The file or files as named.</param>
/// <param name="Format">npz, npy or csv.</param>
/// <param name="Rows">n.</param>
/// <param name="Columns">d.</param>
/// <param name="A">How A was stored and its range.</param>
/// <param name="B">How b was stored and its range.</param>
/// <param name="Rank">Numerical rank of A (NumPy's matrix_rank rule).</param>
/// <param name="SingularValueMax">σ_max of A.</param>
/// <param name="SingularValueMin">The smallest of A's min(n, d) singular values.</param>
/// <param name="ConditionNumber">σ_max/σ_min as <c>np.linalg.cond(A)</c> computes it (∞ when σ_min is 0).</param>
/// <param name="MatrixMebibytes">A's size in float64.</param>
public sealed record ProblemSummary(string Source, string Format, int Rows, int Columns, ArraySummary A, ArraySummary B,
    int Rank, double SingularValueMax, double SingularValueMin, double ConditionNumber, double MatrixMebibytes)
{
    /// <summary>Computes the summary, including a float64 SVD of A.</summary>
    public static ProblemSummary Of(LoadedProblem loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var problem = loaded.Problem;
        var spectrum = ProblemDecomposition.Of(problem).Spectrum;
        double sigmaMin = spectrum.SingularValues[^1];
        return new ProblemSummary(loaded.Source, loaded.Format, problem.Rows, problem.Columns,
            ArraySummary.Of(loaded.Matrix, problem.Matrix), ArraySummary.Of(loaded.Target, problem.Target),
            spectrum.Rank, spectrum.SigmaMax, sigmaMin, sigmaMin > 0 ? spectrum.SigmaMax / sigmaMin : double.PositiveInfinity,
            ProblemMemory.MatrixMebibytes(problem.Rows, problem.Columns));
    }
}

/// <summary>One array of a problem file: as stored, and the range of its values.</summary>
/// <param name="Dtype">The dtype as stored (<c>text</c> for CSV).</param>
/// <param name="Shape">The shape as stored.</param>
/// <param name="FortranOrder">True when stored column-major.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
public sealed record ArraySummary(string Dtype, IReadOnlyList<long> Shape, bool FortranOrder, double Min, double Max)
{
    internal static ArraySummary Of(StoredArray stored, ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return new ArraySummary(stored.Dtype, stored.Shape, stored.FortranOrder, min, max);
    }
}
