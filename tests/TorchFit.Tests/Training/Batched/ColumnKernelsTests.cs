using System.Numerics;
using System.Runtime.Intrinsics;
using TorchFit.Numerics;
using TorchFit.Training;
using TorchFit.Training.Batched;
using TorchFit.Training.Rules;

namespace TorchFit.Tests.Training.Batched;

/// <summary>
/// The batched engine's register tiles against plain loops in double. The shapes are chosen so every tile is taken:
/// K columns padded to Kp whole vectors (K not a multiple of the width leaves a one-vector remainder after the
/// 4-vector gradient tile and the 2-vector residual blocks), batches of 13 (8-row tile, 4-row tile, one row) and
/// d = 13 (three 4-weight tiles, one single weight). The bound is the textbook one for a sum of n products,
/// (n + 2)·u·Σ|terms|, with u the unit roundoff of the training dtype: a misplaced index or a lost term is far outside it.
/// </summary>
public class ColumnKernelsTests
{
    /// <summary>512-bit lanes: FourWeightsFourVectors (16 accumulators) and EightRowsTwoVectors.</summary>
    [Avx512Theory]
    [InlineData("float", 64, 13, 13)]
    [InlineData("float", 70, 13, 13)]
    [InlineData("float", 64, 300, 32)]
    [InlineData("float", 1, 13, 13)]
    [InlineData("double", 32, 13, 13)]
    [InlineData("double", 37, 13, 13)]
    public void Should_Match_Plain_Loops_With_512_Bit_Lanes(string dtype, int k, int d, int batch)
    {
        if (dtype == "float") Check<float, Vector512<float>, Lanes512<float>>(k, d, batch);
        else Check<double, Vector512<double>, Lanes512<double>>(k, d, batch);
    }

    /// <summary>Narrower lanes: the same tiles where AVX-512 is on, the 2-vector gradient tile and 4-row residual tile where it is off.</summary>
    [Theory]
    [InlineData("float", 256, 64, 13, 13)]
    [InlineData("float", 256, 20, 13, 13)]
    [InlineData("double", 256, 11, 13, 13)]
    [InlineData("float", 128, 10, 13, 13)]
    [InlineData("double", 128, 5, 13, 13)]
    public void Should_Match_Plain_Loops_With_Narrower_Lanes(string dtype, int bits, int k, int d, int batch)
    {
        switch (dtype, bits)
        {
            case ("float", 256): Check<float, Vector256<float>, Lanes256<float>>(k, d, batch); break;
            case ("double", 256): Check<double, Vector256<double>, Lanes256<double>>(k, d, batch); break;
            case ("float", 128): Check<float, Vector128<float>, Lanes128<float>>(k, d, batch); break;
            default: Check<double, Vector128<double>, Lanes128<double>>(k, d, batch); break;
        }
    }

    private static void Check<T, TV, L>(int k, int d, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where L : struct, ILanes<T, TV>
    {
        int kp = (k + L.Count - 1) / L.Count * L.Count;
        double u = Unit<T>();
        var random = new Random(1000 * k + d);
        T[] rows = Values<T>(random, batch * d), targets = Values<T>(random, batch), w = Values<T>(random, d * kp);

        // Given a batch, its targets and W (d × Kp), when the residual kernel runs
        var residuals = new AlignedBuffer<T>(batch * kp);
        ColumnKernels<T, TV, L>.Residuals(rows, targets, batch, w, residuals.Span, kp);

        // Then every residual is the plain sum Σⱼ A[i, j]·W[j, c] − b[i] within rounding
        for (int i = 0; i < batch; i++)
            for (int c = 0; c < kp; c++)
            {
                double sum = -D(targets[i]), size = Math.Abs(D(targets[i]));
                for (int j = 0; j < d; j++) { sum += D(rows[i * d + j]) * D(w[j * kp + c]); size += Math.Abs(D(rows[i * d + j]) * D(w[j * kp + c])); }
                double actual = D(residuals.Span[i * kp + c]);
                Assert.True(Math.Abs(actual - sum) <= (d + 2) * u * size, $"residual [{i}, {c}] of K={k}, d={d}, B={batch}: {actual} vs {sum}");
            }

        // Given residuals R (B × Kp) and a learning rate per column (padding columns have none), when one plain-SGD step runs
        T[] r = Values<T>(random, batch * kp);
        var configurations = Enumerable.Range(0, k).Select(c => new TrainingOptions { LearningRate = 0.05 * (c + 1) / k }).ToArray();
        var rule = new SgdRule<T, WithoutMomentum>(configurations, kp, broadcast: false);
        var weights = new AlignedBuffer<T>(d * kp);
        w.CopyTo(weights.Span);
        T scale = T.CreateChecked(2.0 / batch);
        ColumnKernels<T, TV, L>.GradientStep(rows, batch, r, scale, rule, new RuleBuffers<T>(weights.Span, RuleStateBuffers<T>.For(rule, d, kp), rule.Parameters), kp);

        // Then every weight is W[j, c] − η_c·(2/B)·Σᵢ A[i, j]·R[i, c] within rounding
        for (int j = 0; j < d; j++)
            for (int c = 0; c < kp; c++)
            {
                double rate = c < k ? configurations[c].LearningRate : 0, gradient = 0, size = 0;
                for (int i = 0; i < batch; i++) { gradient += D(rows[i * d + j]) * D(r[i * kp + c]); size += Math.Abs(D(rows[i * d + j]) * D(r[i * kp + c])); }
                double step = D(T.CreateChecked(rate)) * D(scale), expected = D(w[j * kp + c]) - step * gradient;
                double actual = D(weights.Span[j * kp + c]);
                Assert.True(Math.Abs(actual - expected) <= 2 * u * (Math.Abs(expected) + step * (batch + 2) * size),
                    $"weight [{j}, {c}] of K={k}, d={d}, B={batch}: {actual} vs {expected}");
            }
    }

    /// <summary>Unit roundoff: 2⁻²⁴ for float, 2⁻⁵³ for double.</summary>
    private static double Unit<T>() where T : IFloatingPointIeee754<T> => Math.ScaleB(1.0, -T.Zero.GetSignificandBitLength());

    private static double D<T>(T value) where T : INumberBase<T> => double.CreateChecked(value);

    private static T[] Values<T>(Random random, int n) where T : INumberBase<T> =>
        [.. Enumerable.Range(0, n).Select(_ => T.CreateChecked(random.NextDouble() - 0.5))];
}
