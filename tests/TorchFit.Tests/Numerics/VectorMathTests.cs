using TorchFit.Numerics;
using Xunit;

namespace TorchFit.Tests.Numerics;

/// <summary>
/// The kernels run 512-, 256- and 128-bit lanes and then scalars, so every length from 0 to past two
/// 512-bit vectors is checked against plain loops: each tail path is taken by some length.
/// </summary>
public class VectorMathTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 41), 300];

    [Fact]
    public void Dot4_And_Dot_Should_Equal_The_Plain_Sums_For_Every_Tail_Length()
    {
        foreach (int n in Lengths)
        {
            var rows = Enumerable.Range(0, 4).Select(r => Values(n, seed: r)).ToArray();
            double[] y = Values(n, seed: 9);
            var (d0, d1, d2, d3) = VectorMath.Dot4<double>(rows[0], rows[1], rows[2], rows[3], y);
            double[] actual = [d0, d1, d2, d3];
            for (int r = 0; r < 4; r++)
            {
                double expected = Enumerable.Range(0, n).Sum(k => rows[r][k] * y[k]);
                Assert.True(Math.Abs(actual[r] - expected) <= 1e-12 * (1 + Math.Abs(expected)), $"n={n}, row {r}: {actual[r]} vs {expected}");
                Assert.Equal(actual[r], VectorMath.Dot<double>(rows[r], y), 1e-12);
            }
        }
    }

    [Fact]
    public void The_Scaled_Additions_Should_Equal_The_Plain_Loops_For_Every_Tail_Length()
    {
        foreach (int n in Lengths)
        {
            var x = Enumerable.Range(0, 4).Select(r => Values(n, seed: 20 + r)).ToArray();
            double[] start = Values(n, seed: 30);

            double[] y = [.. start];
            VectorMath.AddScaled<double>(y, 0.5, x[0]);
            for (int k = 0; k < n; k++) Assert.Equal(start[k] + 0.5 * x[0][k], y[k], 1e-13);

            y = [.. start];
            VectorMath.ScaleAdd<double>(y, 0.9, x[1]);
            for (int k = 0; k < n; k++) Assert.Equal(0.9 * start[k] + x[1][k], y[k], 1e-13);

            y = [.. start];
            VectorMath.AddScaled4<double>(y, 1, x[0], -2, x[1], 3, x[2], -4, x[3]);
            for (int k = 0; k < n; k++) Assert.Equal(start[k] + x[0][k] - 2 * x[1][k] + 3 * x[2][k] - 4 * x[3][k], y[k], 1e-12);
        }
    }

    [Fact]
    public void Kernels_Should_Refuse_Spans_Of_Different_Lengths()
    {
        double[] three = [1, 2, 3], four = [1, 2, 3, 4];
        Assert.Throws<ArgumentException>(() => VectorMath.Dot<double>(three, four));
        Assert.Throws<ArgumentException>(() => VectorMath.AddScaled<double>(four, 1, three));
        Assert.Throws<ArgumentException>(() => VectorMath.Dot4<double>(four, four, three, four, four));
    }

    private static double[] Values(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5)];
    }
}
