using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace TorchFit.Benchmarks;

/// <summary>
/// Times every <c>…Hand</c>/<c>…Library</c> pair of the kernel benchmarks side by side in one process: each
/// round times a batch of calls of one, then of the other (the order alternates by round), so a burst of
/// load on a shared machine falls on both. Prints per pair the medians and quartiles of ns per call and of
/// the per-round ratio library/hand. Run with <c>--interleaved [rounds]</c>; BenchmarkDotNet runs the same
/// classes one method after another.
/// </summary>
internal static class InterleavedComparison
{
    private static readonly TimeSpan SampleTime = TimeSpan.FromMicroseconds(50);

    public static void Run(int rounds, TextWriter output)
    {
        object[] benchmarks =
        [
            new RowKernelBenchmarks<float>(), new RowKernelBenchmarks<double>(),
            new ColumnKernelBenchmarks<float> { K = 1 }, new ColumnKernelBenchmarks<float> { K = 64 },
            new ColumnKernelBenchmarks<double> { K = 1 }, new ColumnKernelBenchmarks<double> { K = 64 },
        ];
        output.WriteLine(FormattableString.Invariant($"{rounds} rounds, {Environment.ProcessorCount} logical CPUs, load average {LoadAverage()}"));
        output.WriteLine("kernel                              hand ns (p25-p75)          library ns (p25-p75)       library/hand (p25-p75)");
        foreach (var benchmark in benchmarks)
        {
            var type = benchmark.GetType();
            type.GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() != null).Invoke(benchmark, null);
            string label = Label(type, benchmark);
            foreach (var hand in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() != null && m.Name.EndsWith("Hand", StringComparison.Ordinal)))
            {
                string name = hand.Name[..^"Hand".Length];
                var library = type.GetMethod(name + "Library") ?? throw new InvalidOperationException($"{type.Name}.{hand.Name} has no Library partner");
                Compare($"{label} {name}", Call(benchmark, hand), Call(benchmark, library), rounds, output);
            }
        }
    }

    private static void Compare(string name, Action hand, Action library, int rounds, TextWriter output)
    {
        int calls = Math.Max(Calibrate(hand), Calibrate(library));
        var handNs = new double[rounds];
        var libraryNs = new double[rounds];
        var ratios = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            if (r % 2 == 0) { handNs[r] = Time(hand, calls); libraryNs[r] = Time(library, calls); }
            else { libraryNs[r] = Time(library, calls); handNs[r] = Time(hand, calls); }
            ratios[r] = libraryNs[r] / handNs[r];
        }
        output.WriteLine(FormattableString.Invariant(
            $"{name,-34}{Quartiles(handNs, "F1"),-27}{Quartiles(libraryNs, "F1"),-27}{Quartiles(ratios, "F3")}"));
    }

    /// <summary>Calls per sample so that one sample lasts about <see cref="SampleTime"/>.</summary>
    private static int Calibrate(Action action)
    {
        for (int i = 0; i < 1000; i++) action();   // tiered JIT: reach the optimised code first
        Thread.Sleep(100);
        for (int i = 0; i < 1000; i++) action();
        double ns = Time(action, 1000);
        return Math.Max(1, (int)(SampleTime.TotalNanoseconds / ns));
    }

    private static double Time(Action action, int calls)
    {
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < calls; i++) action();
        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls;
    }

    private static string Quartiles(double[] values, string format)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        return $"{At(0.5).ToString(format, CultureInfo.InvariantCulture)} ({At(0.25).ToString(format, CultureInfo.InvariantCulture)}-{At(0.75).ToString(format, CultureInfo.InvariantCulture)})";
    }

    /// <summary>A delegate that calls the benchmark method and drops its result, without reflection per call.</summary>
    private static Action Call(object instance, MethodInfo method) =>
        Expression.Lambda<Action>(Expression.Block(typeof(void), Expression.Call(Expression.Constant(instance), method))).Compile();

    private static string Label(Type type, object benchmark)
    {
        string element = type.GetGenericArguments()[0] == typeof(float) ? "float" : "double";
        var k = type.GetProperty("K");
        return k == null ? $"{element} d=300" : $"{element} K={k.GetValue(benchmark)}";
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
