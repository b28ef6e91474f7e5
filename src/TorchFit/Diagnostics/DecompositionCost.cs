using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Diagnostics;

/// <summary>
/// How long the float64 factorisations behind <c>lstsq</c> and <c>diagnose</c> will take on this machine, to the
/// order of magnitude, so a long one is announced before it starts (a single native call reports no progress).
/// Two probes time the same call on small square matrices (<see cref="SmallProbe"/>² and <see cref="ProbeSize"/>²), and the
/// estimate extends the cost they show to the work of an n×d matrix, n·d·min(n, d) multiply-adds for the SVD and for least
/// squares alike: t = t_probe · (work / work_probe)^p, with p fitted between the probes (threads, caches and LAPACK's
/// blocking make larger problems cheaper per flop). An order of magnitude, not a prediction to the second.
/// </summary>
public static class DecompositionCost
{
    /// <summary>The larger probe's side.</summary>
    public const int ProbeSize = 768;

    /// <summary>The smaller probe's side.</summary>
    public const int SmallProbe = 384;

    /// <summary>Problems with less work than this (n·d·min(n, d) &lt; 1000³) are not worth a probe: they take about a second or less.</summary>
    public const double WorkWorthEstimating = 1000.0 * 1000 * 1000;

    /// <summary>n·d·min(n, d): the multiply-adds of an SVD or a least-squares solve of an n×d matrix, up to a constant.</summary>
    public static double Work(long rows, long columns) => (double)rows * columns * Math.Min(rows, columns);

    /// <summary>Whether an n×d factorisation may take long enough to announce.</summary>
    public static bool WorthEstimating(long rows, long columns) => Work(rows, columns) >= WorkWorthEstimating;

    /// <summary>
    /// The seconds for an n×d matrix, from <paramref name="smallSeconds"/> and <paramref name="probeSeconds"/> measured on
    /// <see cref="SmallProbe"/>² and <see cref="ProbeSize"/>² matrices; the exponent between them is kept in [0.5, 1]
    /// (never worse than linear in the work, never implausibly better).
    /// </summary>
    public static double Scale(double smallSeconds, double probeSeconds, long rows, long columns)
    {
        double ratio = Work(ProbeSize, ProbeSize) / Work(SmallProbe, SmallProbe);
        double exponent = smallSeconds > 0 && probeSeconds > 0 ? Math.Clamp(Math.Log(probeSeconds / smallSeconds) / Math.Log(ratio), 0.5, 1) : 1;
        return probeSeconds * Math.Pow(Work(rows, columns) / Work(ProbeSize, ProbeSize), exponent);
    }

    /// <summary>
    /// Estimated seconds of the SVD (<paramref name="svd"/>) and/or the least-squares solve (<paramref name="leastSquares"/>)
    /// of an n×d float64 matrix on the CPU, from probes of both calls on this machine (the faster of two runs each).
    /// </summary>
    public static double EstimateSeconds(long rows, long columns, bool svd, bool leastSquares)
    {
        return Scale(Probe(SmallProbe, svd, leastSquares), Probe(ProbeSize, svd, leastSquares), rows, columns);
    }

    private static double Probe(int size, bool svd, bool leastSquares)
    {
        double seconds = 0;
        using var scope = NewDisposeScope();
        using var generator = new Generator(0, CPU);
        var a = rand(new long[] { size, size }, ScalarType.Float64, generator: generator);
        var b = rand(new long[] { size, 1 }, ScalarType.Float64, generator: generator);
        if (svd) seconds += Fastest(() => torch.linalg.svd(a, fullMatrices: false));
        if (leastSquares) seconds += Fastest(() => torch.linalg.lstsq(a, b));
        return seconds;
    }

    private static double Fastest<TResult>(Func<TResult> call)
    {
        double best = double.MaxValue;
        for (int run = 0; run < 2; run++)
        {
            using var scope = NewDisposeScope();
            var clock = Stopwatch.StartNew();
            call();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
