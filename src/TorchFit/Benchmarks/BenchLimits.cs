namespace TorchFit.Benchmarks;

/// <summary>The floors the engines are measured against, taken in the same run.</summary>
/// <param name="GemvMicroseconds">One bare libtorch float32 GEMV of a batch-32 slice of A (32×d times d) on one thread.</param>
/// <param name="MatmulGflops">A 1024×1024 float32 matmul's rate with the bench's threads.</param>
public sealed record BenchLimits(double GemvMicroseconds, double MatmulGflops);
