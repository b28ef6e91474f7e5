namespace TorchFit.Benchmarks;

/// <summary>The floors the engines are measured against, taken in the same run.</summary>
/// <param name="GemvMicroseconds">One bare libtorch float32 GEMV of a batch-32 slice of A (32×300 times 300) on one thread.</param>
/// <param name="MatmulGflops">A 1024×1024 float32 matmul's rate on all cores.</param>
/// <param name="Gemv">The GEMV floor per problem size (the 200×300 one, and the large problem's when it ran).</param>
public sealed record BenchLimits(double GemvMicroseconds, double MatmulGflops, IReadOnlyList<GemvFloor> Gemv)
{
    /// <summary>The floor for an n×d problem on <paramref name="device"/>, or <see cref="GemvMicroseconds"/> when none was measured for it.</summary>
    public double FloorFor(int n, int d, string device = "cpu") =>
        Gemv.FirstOrDefault(g => g.N == n && g.D == d && g.Device == device)?.Microseconds ?? GemvMicroseconds;
}

/// <summary>One GEMV floor.</summary>
/// <param name="N">Rows of A.</param>
/// <param name="D">Columns of A.</param>
/// <param name="BatchSize">Rows per GEMV.</param>
/// <param name="Microseconds">µs per GEMV (for the large problem: each batch in turn, streaming A).</param>
/// <param name="Device">Where it ran: "cpu" or "cuda:N".</param>
public sealed record GemvFloor(int N, int D, int BatchSize, double Microseconds, string Device = "cpu");
