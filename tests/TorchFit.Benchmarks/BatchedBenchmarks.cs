using BenchmarkDotNet.Attributes;
using TorchFit.Problems;
using TorchFit.Training;
using TorchFit.Training.Batched;

namespace TorchFit.Benchmarks;

/// <summary>
/// µs per configuration-step of the batched engine at K = 1, 8, 64 on one thread, and K = 64 split over
/// the default thread count (200×300, batch 32, float32, per-epoch MSE included).
/// </summary>
[MemoryDiagnoser]
public class BatchedBenchmarks
{
    private const int Epochs = 100;
    private const int StepsPerEpoch = 7;
    private LinearProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(1);
        _problem = ProblemGenerator.Uniform(200, 300, 0);
    }

    private IReadOnlyList<TrainingResult> Train(int configurations, int? threads = 1) => EngineResolver.Create(TrainingEngine.Batched, threads).Train(_problem,
        [.. Enumerable.Range(0, configurations).Select(k => new TrainingOptions
        {
            LearningRate = 0.001 + 0.009 * k / Math.Max(1, configurations - 1), BatchSize = 32, Epochs = Epochs, Device = "cpu",
        })]);

    [Benchmark(OperationsPerInvoke = Epochs * StepsPerEpoch)]
    public IReadOnlyList<TrainingResult> K1() => Train(1);

    [Benchmark(OperationsPerInvoke = Epochs * StepsPerEpoch * 8)]
    public IReadOnlyList<TrainingResult> K8() => Train(8);

    [Benchmark(OperationsPerInvoke = Epochs * StepsPerEpoch * 64)]
    public IReadOnlyList<TrainingResult> K64() => Train(64);

    /// <summary>K = 64 with its columns split over <see cref="ColumnParts.DefaultThreads"/> threads.</summary>
    [Benchmark(OperationsPerInvoke = Epochs * StepsPerEpoch * 64)]
    public IReadOnlyList<TrainingResult> K64DefaultThreads() => Train(64, threads: null);
}
