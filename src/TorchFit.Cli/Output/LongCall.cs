using System.Diagnostics;
using Spectre.Console;
using TorchFit.Diagnostics;

namespace TorchFit.Cli.Output;

/// <summary>
/// Announces a factorisation that may take a while (lstsq, diagnose's SVD) with its estimated duration, and on a
/// terminal keeps an elapsed-time line up while it runs: one native call, so there is no percentage to show.
/// </summary>
internal static class LongCall
{
    /// <summary>
    /// Runs <paramref name="work"/>, first announcing <paramref name="what"/> with its estimate when the factorisation is large
    /// enough to take seconds (<see cref="DecompositionCost.WorthEstimating"/>); the estimate is only an order of magnitude, so
    /// every such call is announced, whatever it says.
    /// </summary>
    public static T Run<T>(CliContext context, bool json, string what, long rows, long columns, bool svd, bool leastSquares, Func<T> work,
        Func<double>? estimate = null)
    {
        if (!DecompositionCost.WorthEstimating(rows, columns) && estimate is null) return work();
        double seconds = (estimate ?? (() => DecompositionCost.EstimateSeconds(rows, columns, svd, leastSquares)))();
        string line = $"{what} of {Numbers.Count(rows)}×{Numbers.Count(columns)} (float64): about {Eta.Duration(seconds)} "
            + $"(estimated from {DecompositionCost.SmallProbe}² and {DecompositionCost.ProbeSize}² probes on this machine)";
        if (!context.LiveProgress(json))
        {
            var plain = context.PlainProgress(json);
            plain.WriteLine(line);
            plain.Flush();
            return work();
        }
        T result = default!;
        context.Console.Status().Start(Markup.Escape(line), status =>
        {
            var clock = Stopwatch.StartNew();
            using var timer = new Timer(_ => status.Status(Markup.Escape($"{line}; {Eta.Duration(clock.Elapsed.TotalSeconds)} so far")), null, 1000, 1000);
            result = work();
        });
        return result;
    }
}
