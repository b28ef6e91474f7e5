using System.Diagnostics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Training;
using TorchFit.Training.Batched;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Benchmarks;

/// <summary>Times the engines per step and the floors they are compared with.</summary>
public static class StepBenchmark
{
    /// <summary>Timed repetitions per case; the fastest is reported, since noise on a shared machine only ever adds time.</summary>
    public const int Repeats = 3;

    /// <summary>
    /// µs per step of <paramref name="engine"/> on <paramref name="problem"/> (float32) on <paramref name="device"/>:
    /// a warm-up run of a quarter of the epochs (so the JIT has tiered up), then <paramref name="epochs"/> timed epochs.
    /// Every epoch ends with a host copy of the weights (for the float64 MSE), so the wall time includes the device's work.
    /// </summary>
    public static BenchResult Engine(LinearProblem problem, TrainingEngine engine, int batchSize, int epochs, string device = "cpu",
        OptimizerKind optimizer = OptimizerKind.Sgd)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var options = new TrainingOptions { Engine = engine, BatchSize = batchSize, Device = device, Optimizer = optimizer };
        Trainer.Train(problem, options with { Epochs = Math.Max(1, epochs / 4) });
        double seconds = Enumerable.Range(0, Repeats).Min(_ => Trainer.Train(problem, options with { Epochs = epochs }).Seconds);
        int steps = epochs * new BatchPlan(problem.Rows, batchSize).StepsPerEpoch;
        return new BenchResult(engine.ToString().ToLowerInvariant(), batchSize, 1, problem.Rows, problem.Columns,
            EngineResolver.DescribeDevice(engine, device), seconds * 1e6 / steps, Optimizer: HyperParameters.Name(optimizer));
    }

    /// <summary>
    /// µs per configuration-step of the batched engine training <paramref name="configurations"/> learning
    /// rates at once (spread over 0.1–1 × the optimizer's Keras default for Adam, 0.001–0.01 for SGD, all stable) on
    /// <paramref name="threads"/> threads: a warm-up run, then <paramref name="epochs"/> timed epochs.
    /// </summary>
    public static BenchResult Batched(LinearProblem problem, int configurations, int batchSize, int epochs, int threads = 1,
        OptimizerKind optimizer = OptimizerKind.Sgd)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfLessThan(configurations, 1);
        double top = optimizer == OptimizerKind.Sgd ? 0.01 : OptimizerDefaults.LearningRate(optimizer);
        var group = Enumerable.Range(0, configurations)
            .Select(k => new TrainingOptions
            {
                Optimizer = optimizer, LearningRate = top * (0.1 + 0.9 * k / Math.Max(1, configurations - 1)), BatchSize = batchSize, Device = "cpu",
            })
            .ToArray();
        var engine = EngineResolver.Create(TrainingEngine.Batched, threads);
        engine.Train(problem, [.. group.Select(o => o with { Epochs = Math.Max(1, epochs / 4) })]);
        double seconds = Enumerable.Range(0, Repeats).Min(_ =>
        {
            var clock = Stopwatch.StartNew();
            engine.Train(problem, [.. group.Select(o => o with { Epochs = epochs })]);
            return clock.Elapsed.TotalSeconds;
        });
        int steps = epochs * new BatchPlan(problem.Rows, batchSize).StepsPerEpoch;
        return new BenchResult("batched", batchSize, configurations, problem.Rows, problem.Columns, "cpu", seconds * 1e6 / steps / configurations, threads,
            HyperParameters.Name(optimizer));
    }

    /// <summary>
    /// µs per step of the fused engine's steps alone (no per-epoch full-data MSE), float32, batch
    /// <paramref name="batchSize"/>: the arithmetic-bound case on a large problem. A warm-up epoch, then
    /// <paramref name="epochs"/> timed epochs.
    /// </summary>
    public static BenchResult FusedSteps(LinearProblem problem, int batchSize, int epochs)
    {
        ArgumentNullException.ThrowIfNull(problem);
        using var runner = new FusedStepRunner(problem, batchSize);
        runner.RunEpoch();
        double best = double.MaxValue;
        for (int repeat = 0; repeat < Repeats; repeat++)
        {
            var clock = Stopwatch.StartNew();
            for (int e = 0; e < epochs; e++) runner.RunEpoch();
            best = Math.Min(best, clock.Elapsed.TotalMicroseconds);
        }
        return new BenchResult("fused (steps only)", batchSize, 1, problem.Rows, problem.Columns, "cpu", best / (epochs * runner.StepsPerEpoch));
    }

    /// <summary>
    /// µs for one float32 <c>torch.mv</c> of each consecutive batch-row slice of a rows×columns matrix in turn
    /// (so, like a training epoch, it streams the whole matrix rather than re-reading one cached slice), best of several passes.
    /// </summary>
    public static double StreamingGemvMicroseconds(int rows, int columns, int batchSize, int passes = 5)
    {
        using var scope = NewDisposeScope();
        var matrix = rand(rows, columns);
        var vector = rand(columns);
        var slices = Enumerable.Range(0, rows / batchSize).Select(k => matrix.narrow(0, k * batchSize, batchSize)).ToList();
        foreach (var slice in slices) mv(slice, vector).Dispose();
        double best = double.MaxValue;
        for (int pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            foreach (var slice in slices) mv(slice, vector).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / slices.Count);
        }
        return best;
    }

    /// <summary>µs for one float32 <c>torch.mv</c> of a rows×columns matrix, best of several rounds.</summary>
    public static double GemvMicroseconds(int rows, int columns, int repeats = 20_000, string device = "cpu")
    {
        using var scope = NewDisposeScope();
        var on = ComputeDevice.Resolve(device);
        var matrix = rand(rows, columns, device: on);
        var vector = rand(columns, device: on);
        for (int i = 0; i < repeats / 10; i++) mv(matrix, vector).Dispose();
        Synchronize(on);
        double best = double.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < repeats / 5; i++) mv(matrix, vector).Dispose();
            Synchronize(on);   // CUDA launches are asynchronous: count the work, not the launches
            best = Math.Min(best, clock.Elapsed.TotalMicroseconds / (repeats / 5));
        }
        return best;
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) torch.cuda.synchronize(device);
    }

    /// <summary>GFLOP/s of a size×size float32 matmul (2·size³ flops), best of several.</summary>
    public static double MatmulGflops(int size = 1024, int repeats = 10)
    {
        using var scope = NewDisposeScope();
        var a = rand(size, size);
        var b = rand(size, size);
        matmul(a, b).Dispose();
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            matmul(a, b).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return 2.0 * size * size * size / best / 1e9;
    }

    /// <summary>
    /// The standard run: both engines at batch 32 and full batch and the batched engine at K = 1, 8, 64 on the
    /// 200×300 seed-0 problem on one thread, then the GEMV floor (one thread), optionally the fused steps on a
    /// <paramref name="large"/> problem beside a streaming GEMV of its batches, and the matmul rate (all cores).
    /// </summary>
    public static BenchReport Run(int epochs = 2_000, IProgress<string>? progress = null, (int Rows, int Columns)? large = null)
    {
        var problem = ProblemGenerator.Uniform(200, 300, 0);
        int threads = torch.get_num_threads();
        var results = new List<BenchResult>();
        var floors = new List<GemvFloor>();
        double gemv, gflops;
        try
        {
            torch.set_num_threads(1);
            foreach (var engine in new[] { TrainingEngine.Keras, TrainingEngine.Fused })
                foreach (int batch in new[] { 32, 200 })
                {
                    progress?.Report($"{engine.ToString().ToLowerInvariant()} engine, batch {batch}, {epochs:N0} epochs");
                    results.Add(Engine(problem, engine, batch, epochs));
                }
            foreach (int configurations in new[] { 1, 8, 64 })
            {
                progress?.Report($"batched engine, K = {configurations}, batch 32, {epochs:N0} epochs");
                results.Add(Batched(problem, configurations, 32, epochs));
            }
            int parts = ColumnParts.DefaultThreads(64);
            if (parts > 1)
            {
                progress?.Report($"batched engine, K = 64, batch 32, {epochs:N0} epochs, columns split over {parts} threads (the default here)");
                results.Add(Batched(problem, 64, 32, epochs, parts));
            }
            // Adam (Keras' formulas) beside plain SGD: its update adds a square root and a division per weight.
            foreach (var engine in new[] { TrainingEngine.Keras, TrainingEngine.Fused })
            {
                progress?.Report($"{engine.ToString().ToLowerInvariant()} engine, Adam, batch 32, {epochs:N0} epochs");
                results.Add(Engine(problem, engine, 32, epochs, optimizer: OptimizerKind.Adam));
            }
            foreach (int threadCount in parts > 1 ? new[] { 1, parts } : [1])
            {
                progress?.Report($"batched engine, Adam, K = 64, batch 32, {epochs:N0} epochs, {threadCount} thread(s)");
                results.Add(Batched(problem, 64, 32, epochs, threadCount, OptimizerKind.Adam));
            }
            progress?.Report("floors: GEMV and matmul");
            gemv = GemvMicroseconds(32, 300);
            floors.Add(new GemvFloor(200, 300, 32, gemv));
            if (large is { } size)
            {
                progress?.Report($"large problem {size.Rows:N0}×{size.Columns:N0}: fused steps and a streaming GEMV of each batch");
                var big = ProblemGenerator.Uniform(size.Rows, size.Columns, 0);
                results.Add(FusedSteps(big, 32, 3));
                floors.Add(new GemvFloor(size.Rows, size.Columns, 32, StreamingGemvMicroseconds(size.Rows, size.Columns, 32)));
            }
            if (torch.cuda.is_available())
            {
                // The same on CUDA: only the keras engine runs there.
                foreach (int batch in new[] { 32, 200 })
                {
                    progress?.Report($"keras engine on CUDA, batch {batch}, {epochs:N0} epochs");
                    results.Add(Engine(problem, TrainingEngine.Keras, batch, epochs, "cuda"));
                }
                floors.Add(new GemvFloor(200, 300, 32, GemvMicroseconds(32, 300, device: "cuda"), "cuda:0"));
            }
            torch.set_num_threads(Environment.ProcessorCount);
            gflops = MatmulGflops();
        }
        finally
        {
            torch.set_num_threads(threads);   // libtorch's thread count is process-wide: leave it as it was
        }
        using var process = Process.GetCurrentProcess();
        return new BenchReport(results, new BenchLimits(gemv, gflops, floors), 1, process.PeakWorkingSet64 / (1024.0 * 1024.0));
    }
}
