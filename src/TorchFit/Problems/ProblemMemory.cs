using System.Globalization;

namespace TorchFit.Problems;

/// <summary>
/// The memory a problem needs, estimated from its shape before anything is allocated, so that a
/// typo, a corrupt header or a problem too large for this machine is refused with a figure
/// instead of an out-of-memory crash or a native error.
/// </summary>
/// <remarks>
/// The coefficients are peak resident memory measured with <c>/usr/bin/time -f %M</c> on
/// generated problems (<c>torchfit VERB --n N --d D</c>; 1,000,000×1 against 4,000,000×1 for
/// the cost per row, 1000×1000 against 2000×2000, 200×20000 and 20000×200 for the cost per entry
/// and per entry of the SVD's factors), minus the 2×3 run, rounded up: the float64 copies made
/// for libtorch, the float32 copy training makes, LAPACK's working memory, U and Vᵀ, and the
/// residuals and per-row arrays of the diagnosis. A sweep's batched engine added nothing
/// measurable beyond the SVD at 1 to 16 configurations.
/// </remarks>
public static class ProblemMemory
{
    /// <summary>What the runtime and libtorch take before any problem (about 190 MB measured, rounded up).</summary>
    public const long RuntimeBytes = 256L << 20;

    /// <summary>
    /// The longest side the SVD takes: at 2²⁷ = 134,217,728 rows libtorch's gesdd call fails
    /// ("Argument 12 has illegal value": its workspace size is a 32-bit integer), where
    /// 134,217,600×1, 2²⁶×2 and 2²⁵×4 succeed (torch.linalg.svd in float64, TorchSharp 0.107).
    /// </summary>
    public const int MaxDecompositionSide = (1 << 27) - 1;

    /// <summary>MiB that A alone takes in float64.</summary>
    public static double MatrixMebibytes(long rows, long columns) => (double)rows * columns * 8.0 / (1 << 20);

    /// <summary>
    /// Bytes that <paramref name="work"/> on an n×d problem takes at its peak, the runtime included:
    /// perEntry·n·d + perFactorEntry·k·(n + d) (U and Vᵀ of the thin SVD, k = min(n, d)) + perRow·n.
    /// A double, as a corrupt header may claim 10³⁰ entries.
    /// </summary>
    public static double BytesNeeded(long rows, long columns, ProblemWork work)
    {
        var (perEntry, perFactorEntry, perRow) = Coefficients(work);
        double n = rows, d = columns, k = Math.Min(n, d);
        return RuntimeBytes + perEntry * n * d + perFactorEntry * k * (n + d) + perRow * n;
    }

    /// <summary>Measured bytes per entry of A, per entry of the SVD's factors and per row (see the remarks).</summary>
    private static (double PerEntry, double PerFactorEntry, double PerRow) Coefficients(ProblemWork work) => work switch
    {
        ProblemWork.Reading => (24, 0, 16),          // A and b, and a CSV's growing list of values
        ProblemWork.LeastSquares => (32, 0, 32),     // measured 31 per entry, 64 per row at d = 1
        ProblemWork.Decomposition => (52, 17, 110),  // measured 84 per entry (square), 176 per row at d = 1
        ProblemWork.Training => (28, 0, 48),         // keras engine, the largest: 27 per entry, 75 per row at d = 1
        ProblemWork.Solving => (68, 17, 210),        // measured 101 per entry (square), 287 per row at d = 1
        _ => throw new ArgumentOutOfRangeException(nameof(work), work, null),
    };

    /// <summary>
    /// Throws <see cref="InvalidInputException"/>, prefixed with <paramref name="where"/>, when
    /// <paramref name="work"/> cannot run on an n×d problem: more than
    /// <see cref="ProblemGenerator.MaxEntries"/> entries, a side above
    /// <see cref="MaxDecompositionSide"/> for work that takes the SVD, or more memory than is
    /// available (the message gives the MiB needed and the MiB available). Shapes whose product
    /// overflows count as too large.
    /// </summary>
    public static void EnsureFits(long rows, long columns, string where, ProblemWork work = ProblemWork.Reading) =>
        EnsureFits(rows, columns, where, work, AvailableBytes());

    /// <summary>As the public overload, against <paramref name="available"/> bytes (0: unknown, not checked).</summary>
    internal static void EnsureFits(long rows, long columns, string where, ProblemWork work, double available)
    {
        double entries = (double)rows * columns;
        if (entries > ProblemGenerator.MaxEntries)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: a {Shape(rows, columns)} problem needs about {Mebibytes(BytesNeeded(rows, columns, work))} MiB ({MatrixMebibytes(rows, columns):N0} MiB for A in float64, plus the copies solving and training make); the limit is {ProblemGenerator.MaxEntries:N0} entries of A"));
        if (work is ProblemWork.Decomposition or ProblemWork.Solving && Math.Max(rows, columns) > MaxDecompositionSide)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: the SVD takes at most {MaxDecompositionSide:N0} rows and columns (libtorch's LAPACK counts its workspace in 32-bit integers), got {Shape(rows, columns)}"));
        double needed = BytesNeeded(rows, columns, work);
        if (available > 0 && needed > available)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: {Describe(work)} a {Shape(rows, columns)} problem needs about {Mebibytes(needed)} MiB, but {Mebibytes(available)} MiB are available"));
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/> naming the problem, the MiB
    /// <paramref name="work"/> on it needs and the MiB available, when it does not fit.
    /// </summary>
    public static void EnsureFits(LinearProblem problem, ProblemWork work)
    {
        ArgumentNullException.ThrowIfNull(problem);
        EnsureFits(problem.Rows, problem.Columns, $"problem '{problem.Name}'", work);
    }

    /// <summary>
    /// What this process can use: the memory the system reports available now plus what this
    /// process already holds (the problem itself), never more than the runtime's limit (physical
    /// memory or the container's). 0 when unknown.
    /// </summary>
    internal static double AvailableBytes()
    {
        double limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        double? free = SystemAvailableBytes();
        return free is double now ? Math.Min(limit, now + Environment.WorkingSet) : limit;
    }

    /// <summary>MemAvailable of /proc/meminfo (Linux), else null.</summary>
    private static double? SystemAvailableBytes()
    {
        const string MemInfo = "/proc/meminfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(MemInfo)) return null;
        try
        {
            foreach (string line in File.ReadLines(MemInfo))
            {
                if (!line.StartsWith("MemAvailable:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length >= 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long kib) ? kib * 1024.0 : null;
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    private static string Describe(ProblemWork work) => work switch
    {
        ProblemWork.Reading => "holding",
        ProblemWork.LeastSquares => "lstsq on",
        ProblemWork.Decomposition => "the SVD of",
        ProblemWork.Training => "training on",
        _ => "solving",
    };

    private static string Shape(long rows, long columns) => string.Create(CultureInfo.InvariantCulture, $"{rows:N0}×{columns:N0}");

    private static string Mebibytes(double bytes) => (bytes / (1 << 20)).ToString("N0", CultureInfo.InvariantCulture);
}
