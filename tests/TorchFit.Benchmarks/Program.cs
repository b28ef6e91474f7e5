using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: BenchmarkDotNet's default toolchain builds a separate project whose output would hold the
// unpatched libLibTorchSharp.so from the NuGet cache (see README, Troubleshooting); this process has the patched one.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(TorchFit.Benchmarks.EngineBenchmarks).Assembly).Run(args, config);
