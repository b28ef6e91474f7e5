namespace TorchFit.Benchmarks;

/// <summary>What <c>torchfit bench</c> measured.</summary>
/// <param name="Results">One row per engine and batch size.</param>
/// <param name="Limits">The floors.</param>
/// <param name="Threads">libtorch intra-op threads during the engine runs.</param>
/// <param name="PeakWorkingSetMegabytes">The process' peak working set at the end.</param>
public sealed record BenchReport(IReadOnlyList<BenchResult> Results, BenchLimits Limits, int Threads, double PeakWorkingSetMegabytes);
