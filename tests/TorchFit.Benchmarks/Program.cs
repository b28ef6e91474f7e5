using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// `--interleaved [rounds]`: the hand-kernel/TensorPrimitives pairs timed side by side (for a shared, noisy machine).
if (args.Length > 0 && args[0] == "--interleaved")
{
    TorchFit.Benchmarks.InterleavedComparison.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2001, Console.Out);
    return;
}

// In-process: BenchmarkDotNet's default toolchain builds a separate project whose output would hold the
// unpatched libLibTorchSharp.so from the NuGet cache (see README, Troubleshooting); this process has the patched one.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(TorchFit.Benchmarks.EngineBenchmarks).Assembly).Run(args, config);
