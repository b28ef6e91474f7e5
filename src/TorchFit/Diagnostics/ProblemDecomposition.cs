using TorchFit.Problems;
using TorchFit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Diagnostics;

/// <summary>The thin SVD A = U·diag(σ)·Vᵀ of a problem in float64, held as managed arrays.</summary>
public sealed class ProblemDecomposition
{
    private readonly LinearProblem _problem;
    private readonly double[] _left;    // n × k, row-major (columns are uᵢ)
    private readonly double[] _right;   // k × d, row-major (rows are vᵢᵀ)

    /// <summary>float64's machine epsilon, 2⁻⁵² (NumPy's <c>finfo(float64).eps</c>).</summary>
    private const double Epsilon = 2.220446049250313e-16;

    private ProblemDecomposition(LinearProblem problem, Spectrum spectrum, double[] left, double[] right)
    {
        _problem = problem;
        Spectrum = spectrum;
        _left = left;
        _right = right;
        UnreachableSquaredNorm = OutsideColumnSpace();
    }

    /// <summary>
    /// ‖b⊥‖², the squared norm of the part of b outside A's column space: no weights remove it, so
    /// ‖b⊥‖²/n is the lowest MSE there is (lstsq's). 0 when it is at rounding level.
    /// </summary>
    public double UnreachableSquaredNorm { get; }

    /// <summary>The least-squares minimum MSE, ‖b⊥‖²/n: see <see cref="UnreachableSquaredNorm"/>.</summary>
    public double LeastSquaresMinimum => UnreachableSquaredNorm / _problem.Rows;

    /// <summary>σ, rank and the derived learning-rate limits.</summary>
    public Spectrum Spectrum { get; }

    /// <summary>
    /// Computes the SVD with <c>torch.linalg.svd</c> on the CPU in float64. Refuses, before any
    /// work, a problem with a side above <see cref="ProblemMemory.MaxDecompositionSide"/> or one
    /// whose SVD does not fit in memory.
    /// </summary>
    public static ProblemDecomposition Of(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ProblemMemory.EnsureFits(problem, ProblemWork.Decomposition);
        using var scope = NewDisposeScope();
        var a = ProblemTensors.Matrix(problem, CPU);
        var (u, s, vh) = torch.linalg.svd(a, fullMatrices: false);
        var sigma = s.data<double>().ToArray();
        double tolerance = Math.Max(problem.Rows, problem.Columns) * sigma[0] * Epsilon;   // NumPy: max(M, N)·σ_max·eps
        int rank = sigma.Count(v => v > tolerance);
        return new ProblemDecomposition(problem, new Spectrum(problem.Rows, sigma, rank),
            u.contiguous().data<double>().ToArray(), vh.contiguous().data<double>().ToArray());
    }

    /// <summary>The residual of <paramref name="weights"/> split into the modes GD acts on.</summary>
    public ErrorModes Modes(ReadOnlySpan<double> weights)
    {
        int n = _problem.Rows, d = _problem.Columns, k = Spectrum.SingularValues.Length, rank = Spectrum.Rank;
        var residual = new double[n];
        var a = _problem.Matrix;
        var b = _problem.Target;
        for (int i = 0; i < n; i++)
        {
            double r = -b[i];
            for (int j = 0; j < d; j++) r += a[i * d + j] * weights[j];
            residual[i] = r;
        }
        var components = new double[rank];
        for (int m = 0; m < rank; m++)
        {
            double c = 0;
            for (int i = 0; i < n; i++) c += _left[i * k + m] * residual[i];
            components[m] = c;
        }
        var lambdas = Spectrum.SingularValues.Take(rank).Select(s => 2 * s * s / n).ToArray();
        return new ErrorModes(n, lambdas, components, UnreachableSquaredNorm);
    }

    /// <summary>
    /// ‖b − U·Uᵀb‖² over the rank's columns of U, computed as a vector. ‖b‖² − ‖Uᵀb‖² would cancel to
    /// ≈ ε·‖b‖² (7e-14 on the question's 200×300 problem, which has no such part); the vector's own
    /// rounding is ≈ ε·‖b‖ per entry, so a norm below max(n, d)·ε·‖b‖ (the rank rule's tolerance) is 0.
    /// </summary>
    private double OutsideColumnSpace()
    {
        int n = _problem.Rows, k = Spectrum.SingularValues.Length, rank = Spectrum.Rank;
        var outside = _problem.Target.ToArray();
        double norm = Math.Sqrt(outside.Sum(v => v * v));
        for (int m = 0; m < rank; m++)
        {
            // Projecting what is left (modified Gram–Schmidt) rather than b keeps each step's rounding small.
            double c = 0;
            for (int i = 0; i < n; i++) c += _left[i * k + m] * outside[i];
            for (int i = 0; i < n; i++) outside[i] -= c * _left[i * k + m];
        }
        double squared = outside.Sum(v => v * v);
        return Math.Sqrt(squared) <= Math.Max(n, _problem.Columns) * Epsilon * norm ? 0 : squared;
    }

    /// <summary>
    /// ‖(I − P_row(A))·w‖: the part of <paramref name="weights"/> in A's null space. Gradients
    /// (2/n)Aᵀr lie in A's row space, so GD never changes this part.
    /// </summary>
    public double NullSpaceNorm(ReadOnlySpan<double> weights)
    {
        int d = _problem.Columns;
        double total = 0, inRowSpace = 0;
        for (int j = 0; j < d; j++) total += weights[j] * weights[j];
        for (int m = 0; m < Spectrum.Rank; m++)
        {
            double p = 0;
            for (int j = 0; j < d; j++) p += _right[m * d + j] * weights[j];
            inRowSpace += p * p;
        }
        return Math.Sqrt(Math.Max(total - inRowSpace, 0));
    }

    /// <summary>
    /// Where rounding in <paramref name="precision"/> stops gradient descent near
    /// <paramref name="solution"/>: see <see cref="FloorEstimate"/>. For the 200×300 uniform problem
    /// in float32 this is ≈ 3e-15 to 4e-13, and the solve schedule measured ≈ 2.5e-14.
    /// </summary>
    public FloorEstimate RoundingFloor(ReadOnlySpan<double> solution, Precision precision)
    {
        double u = precision == Precision.Float64 ? Math.Pow(2, -53) : Math.Pow(2, -24);
        int n = _problem.Rows, d = _problem.Columns;
        var a = _problem.Matrix;
        double squares = 0, magnitudes = 0;
        for (int i = 0; i < n; i++)
        {
            double magnitude = 0;
            for (int j = 0; j < d; j++)
            {
                double term = a[i * d + j] * solution[j];
                squares += term * term;
                magnitude += Math.Abs(term);
            }
            magnitudes += magnitude * magnitude;
        }
        return new FloorEstimate(u * u * squares / n, u * u * magnitudes / n);
    }
}
