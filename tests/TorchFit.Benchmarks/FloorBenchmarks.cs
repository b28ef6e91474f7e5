using BenchmarkDotNet.Attributes;
using TorchFit.Problems;
using static TorchSharp.torch;

namespace TorchFit.Benchmarks;

/// <summary>
/// The floors: one libtorch GEMV of a 32-row batch (200×300, and each batch of 4000×6000 in turn), and
/// the fused steps alone on 4000×6000, where arithmetic and memory traffic dominate.
/// </summary>
[MemoryDiagnoser]
public class FloorBenchmarks : IDisposable
{
    private const int LargeRows = 4_000;
    private const int LargeColumns = 6_000;
    private const int Batch = 32;
    private Tensor _small = null!;
    private Tensor _smallVector = null!;
    private Tensor _large = null!;
    private Tensor _largeVector = null!;
    private Tensor[] _largeBatches = [];
    private FusedStepRunner _largeSteps = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(1);
        _small = rand(Batch, 300);
        _smallVector = rand(300);
        _large = rand(LargeRows, LargeColumns);
        _largeVector = rand(LargeColumns);
        _largeBatches = [.. Enumerable.Range(0, LargeRows / Batch).Select(k => _large.narrow(0, k * Batch, Batch))];
        _largeSteps = new FusedStepRunner(ProblemGenerator.Uniform(LargeRows, LargeColumns, 0), Batch);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var t in _largeBatches) t.Dispose();
        foreach (var t in new[] { _small, _smallVector, _large, _largeVector }) t.Dispose();
        _largeSteps.Dispose();
    }

    [Benchmark]
    public void Gemv32x300() => mv(_small, _smallVector).Dispose();

    [Benchmark(OperationsPerInvoke = LargeRows / Batch)]
    public void StreamingGemv4000x6000()
    {
        foreach (var slice in _largeBatches) mv(slice, _largeVector).Dispose();
    }

    [Benchmark(OperationsPerInvoke = (LargeRows + Batch - 1) / Batch)]
    public double FusedSteps4000x6000() => _largeSteps.RunEpoch();

    /// <summary>For callers that skip BenchmarkDotNet's cleanup: releases the fused runner's generator.</summary>
    public void Dispose()
    {
        _largeSteps?.Dispose();
        GC.SuppressFinalize(this);
    }
}
