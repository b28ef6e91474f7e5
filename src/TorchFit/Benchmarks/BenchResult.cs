namespace TorchFit.Benchmarks;

/// <summary>One measured engine setting.</summary>
/// <param name="Engine">"keras", "fused", "batched" or "fused (steps only)" (no per-epoch MSE).</param>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="Configurations">Configurations trained at once (1 for a solo run).</param>
/// <param name="N">Rows of A.</param>
/// <param name="D">Columns of A.</param>
/// <param name="Device">Where it ran.</param>
/// <param name="MicrosecondsPerStep">Wall time of the timed epochs (the fastest of <see cref="StepBenchmark.Repeats"/> runs) divided by their steps (per configuration-step when batched);
/// it includes each epoch's shuffle and float64 full-data MSE.</param>
/// <param name="Threads">CPU threads the engine itself ran on (libtorch's intra-op threads were 1); the batched engine splits its columns over them.</param>
/// <param name="Optimizer">The optimizer stepped (Keras semantics): sgd (plain) or adam.</param>
public sealed record BenchResult(string Engine, int BatchSize, int Configurations, int N, int D, string Device, double MicrosecondsPerStep, int Threads = 1,
    string Optimizer = "sgd");
