using BenchmarkDotNet.Attributes;
using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Benchmarks;

/// <summary>µs per step of the keras and fused engines on the question's 200×300 problem, float32, one thread (per-epoch MSE included).</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Epochs = 100;
    private LinearProblem _problem = null!;

    [GlobalSetup]
    public void Setup()
    {
        TorchSharp.torch.set_num_threads(1);
        _problem = ProblemGenerator.Uniform(200, 300, 0);
    }

    private TrainingResult Train(TrainingEngine engine, int batchSize) =>
        Trainer.Train(_problem, new TrainingOptions { Engine = engine, BatchSize = batchSize, Epochs = Epochs, Device = "cpu" });

    [Benchmark(OperationsPerInvoke = Epochs * 7)]
    public TrainingResult KerasBatch32() => Train(TrainingEngine.Keras, 32);

    [Benchmark(OperationsPerInvoke = Epochs)]
    public TrainingResult KerasBatch200() => Train(TrainingEngine.Keras, 200);

    [Benchmark(OperationsPerInvoke = Epochs * 7)]
    public TrainingResult FusedBatch32() => Train(TrainingEngine.Fused, 32);

    [Benchmark(OperationsPerInvoke = Epochs)]
    public TrainingResult FusedBatch200() => Train(TrainingEngine.Fused, 200);
}
