using System.Numerics;
using TorchFit.Numerics;

namespace TorchFit.Tests.Numerics;

/// <summary>
/// The kernels run 512-, 256- and 128-bit lanes and then scalars, so every length from 0 to past two
/// 512-bit vectors is checked against plain loops in double, for float and double: each tail path is taken
/// by some length. The bound is (n + 2)·u·Σ|terms| for a sum of n products, u the dtype's unit roundoff.
/// </summary>
public class VectorMathTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 41), 300];

    [Fact]
    public void Dot4_And_Dot_Should_Equal_The_Plain_Sums_And_Each_Other_For_Every_Tail_Length()
    {
        DotsMatchPlainSums<float>();
        DotsMatchPlainSums<double>();
    }

    [Fact]
    public void The_Scaled_Additions_Should_Equal_The_Plain_Loops_For_Every_Tail_Length()
    {
        ScaledAdditionsMatchPlainLoops<float>();
        ScaledAdditionsMatchPlainLoops<double>();
    }

    [Fact]
    public void AddScaled_Should_Round_Once_Per_Element_On_The_Engines_Rows()
    {
        RoundsOnce<float>();
        RoundsOnce<double>();
    }

    [Fact]
    public void Kernels_Should_Refuse_Spans_Of_Different_Lengths()
    {
        float[] three = [1, 2, 3], four = [1, 2, 3, 4];
        Assert.Throws<ArgumentException>(() => VectorMath.Dot<float>(three, four));
        Assert.Throws<ArgumentException>(() => VectorMath.AddScaled<float>(four, 1, three));
        Assert.Throws<ArgumentException>(() => VectorMath.Dot4<float>(four, four, three, four, four));
        Assert.Throws<ArgumentException>(() => VectorMath.AddScaled4<float>(four, 1, four, 1, four, 1, three, 1, four));
    }

    private static void DotsMatchPlainSums<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int n in Lengths)
        {
            // Given four rows and y of length n
            var rows = Enumerable.Range(0, 4).Select(r => Values<T>(n, seed: r)).ToArray();
            T[] y = Values<T>(n, seed: 9);

            // When Dot4 and Dot run
            var (d0, d1, d2, d3) = VectorMath.Dot4<T>(rows[0], rows[1], rows[2], rows[3], y);
            T[] four = [d0, d1, d2, d3];

            // Then each equals the plain sum within rounding
            for (int r = 0; r < 4; r++)
            {
                double expected = 0, size = 0;
                for (int k = 0; k < n; k++) { expected += D(rows[r][k]) * D(y[k]); size += Math.Abs(D(rows[r][k]) * D(y[k])); }
                double bound = (n + 2) * Unit<T>() * size;
                Assert.True(Math.Abs(D(four[r]) - expected) <= bound, $"{typeof(T).Name} n={n}, Dot4 row {r}: {four[r]} vs {expected}");
                double single = D(VectorMath.Dot<T>(rows[r], y));
                Assert.True(Math.Abs(single - expected) <= bound, $"{typeof(T).Name} n={n}, Dot row {r}: {single} vs {expected}");

                // And Dot sums a row exactly as Dot4 does, so a row's residual does not depend on its place in the batch
                Assert.Equal(four[r], VectorMath.Dot<T>(rows[r], y));
            }
        }
    }

    private static void ScaledAdditionsMatchPlainLoops<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        double u = Unit<T>();
        foreach (int n in Lengths)
        {
            // Given rows x₀…x₃ and a start y
            var x = Enumerable.Range(0, 4).Select(r => Values<T>(n, seed: 20 + r)).ToArray();
            T[] start = Values<T>(n, seed: 30);
            T half = T.CreateChecked(0.5);

            // When y ← y + α·x runs, then each element is the plain one within one rounding (two on the scalar tail)
            T[] y = [.. start];
            VectorMath.AddScaled<T>(y, half, x[0]);
            for (int k = 0; k < n; k++)
            {
                double expected = D(start[k]) + 0.5 * D(x[0][k]);
                Assert.True(Math.Abs(D(y[k]) - expected) <= 2 * u * (Math.Abs(D(start[k])) + Math.Abs(0.5 * D(x[0][k]))), $"{typeof(T).Name} n={n}, AddScaled [{k}]");
            }

            // When y ← y + Σ αᵣ·xᵣ runs, then each element is the plain one within four roundings
            y = [.. start];
            double[] alphas = [1, -2, 3, -4];
            VectorMath.AddScaled4<T>(y, T.CreateChecked(1), x[0], T.CreateChecked(-2), x[1], T.CreateChecked(3), x[2], T.CreateChecked(-4), x[3]);
            for (int k = 0; k < n; k++)
            {
                double expected = D(start[k]), size = Math.Abs(D(start[k]));
                for (int r = 0; r < 4; r++) { expected += alphas[r] * D(x[r][k]); size += Math.Abs(alphas[r] * D(x[r][k])); }
                Assert.True(Math.Abs(D(y[k]) - expected) <= 9 * u * size, $"{typeof(T).Name} n={n}, AddScaled4 [{k}]: {y[k]} vs {expected}");
            }
        }
    }

    private static void RoundsOnce<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Given the engines' row length, 300, which the lanes cover without a scalar tail (float 18×16 + 8 + 4, double 37×8 + 4)
        T[] x = Values<T>(300, seed: 40), start = Values<T>(300, seed: 41);
        T alpha = T.CreateChecked(0.3);

        // When y ← y + α·x runs
        T[] y = [.. start];
        VectorMath.AddScaled<T>(y, alpha, x);

        // Then every element is the fused multiply-add's bits: one rounding, as the fused engine's gradient assumes
        for (int k = 0; k < 300; k++) Assert.Equal(T.FusedMultiplyAdd(alpha, x[k], start[k]), y[k]);
    }

    /// <summary>Unit roundoff: 2⁻²⁴ for float, 2⁻⁵³ for double.</summary>
    private static double Unit<T>() where T : IFloatingPointIeee754<T> => Math.ScaleB(1.0, -T.Zero.GetSignificandBitLength());

    private static double D<T>(T value) where T : INumberBase<T> => double.CreateChecked(value);

    private static T[] Values<T>(int n, int seed) where T : INumberBase<T>
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => T.CreateChecked(random.NextDouble() - 0.5))];
    }
}
