using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using TorchFit.Numerics;
using TorchFit.Training.Rules;

namespace TorchFit.Training.Batched;

/// <summary>
/// SIMD kernels for K weight columns at once. W is d×Kp, row-major, so row j holds the j-th weight
/// of every configuration and each product is a run of K-wide fused multiply-adds with a broadcast
/// entry of A. Kp is K rounded up to whole vectors of <typeparamref name="L"/>.
/// Both products are register-tiled (up to 8 rows of A × 2 vectors, or 4 weights × 4 vectors: 16
/// independent accumulators with AVX-512), so the FMA units are not left waiting on one dependency chain.
/// Which tile a row gets depends only on its place in the batch, and every tile sums over j in order, so
/// a column's result does not depend on K or on which columns share the run (shards merge bit for bit).
/// </summary>
internal static class ColumnKernels<T, TV, L>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TV : struct
    where L : struct, ILanes<T, TV>
{
    /// <summary>
    /// result[i, k] = Σⱼ rows[i, j]·W[j, k] − targets[i] for the <paramref name="count"/> rows
    /// (row-major, d each) and every k &lt; Kp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Residuals(ReadOnlySpan<T> rows, ReadOnlySpan<T> targets, int count, ReadOnlySpan<T> w, Span<T> result, int kp)
    {
        int d = rows.Length / count, width = L.Count;
        ref T a = ref MemoryMarshal.GetReference(rows);
        ref T wRef = ref MemoryMarshal.GetReference(w);
        ref T outRef = ref MemoryMarshal.GetReference(result);
        // Column blocks outermost: one block of W (d × up to 2 vectors) is reused by every row tile.
        for (int c = 0; c < kp;)
        {
            int block = BlockWidth(kp - c), i = 0;
            if (block == 2 * width && Vector512.IsHardwareAccelerated)
                for (; i + 8 <= count; i += 8)
                    EightRowsTwoVectors(ref Unsafe.Add(ref a, i * d), targets.Slice(i, 8), d, ref Unsafe.Add(ref wRef, c), ref Unsafe.Add(ref outRef, i * kp + c), kp);
            for (; i + 4 <= count; i += 4)
                FourRows(ref Unsafe.Add(ref a, i * d), targets.Slice(i, 4), d, ref Unsafe.Add(ref wRef, c), ref Unsafe.Add(ref outRef, i * kp + c), kp, block);
            for (; i < count; i++)
                OneRow(ref Unsafe.Add(ref a, i * d), targets[i], d, ref Unsafe.Add(ref wRef, c), ref Unsafe.Add(ref outRef, i * kp + c), kp, block);
            c += block;
        }
    }

    /// <summary>
    /// Columns in the next register block: 2 vectors, else 1. (Eight rows × 2 vectors measured faster
    /// than 4 rows × 4 vectors with AVX-512: W's loads are shared by twice the rows.)
    /// </summary>
    private static int BlockWidth(int remaining)
    {
        int vectors = remaining / L.Count;
        return L.Count * (vectors >= 2 ? 2 : 1);
    }

    /// <summary>Four rows × the <paramref name="block"/> columns (one or two vectors) starting at <paramref name="w"/>; rows of W and of the result are <paramref name="kp"/> apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows(ref T a, ReadOnlySpan<T> targets, int d, ref T w, ref T result, int kp, int block)
    {
        int width = L.Count;
        TV b0 = L.Broadcast(-targets[0]), b1 = L.Broadcast(-targets[1]), b2 = L.Broadcast(-targets[2]), b3 = L.Broadcast(-targets[3]);
        ref T a1 = ref Unsafe.Add(ref a, d);
        ref T a2 = ref Unsafe.Add(ref a, 2 * d);
        ref T a3 = ref Unsafe.Add(ref a, 3 * d);
        if (block == 2 * width)
        {
            TV s00 = b0, s01 = b0, s10 = b1, s11 = b1, s20 = b2, s21 = b2, s30 = b3, s31 = b3;
            nuint at = 0;
            for (int j = 0; j < d; j++, at += (nuint)kp)
            {
                TV w0 = L.Load(ref w, at), w1 = L.Load(ref w, at + (nuint)width);
                TV x0 = L.Broadcast(Unsafe.Add(ref a, j)), x1 = L.Broadcast(Unsafe.Add(ref a1, j));
                TV x2 = L.Broadcast(Unsafe.Add(ref a2, j)), x3 = L.Broadcast(Unsafe.Add(ref a3, j));
                s00 = L.MultiplyAdd(x0, w0, s00); s01 = L.MultiplyAdd(x0, w1, s01);
                s10 = L.MultiplyAdd(x1, w0, s10); s11 = L.MultiplyAdd(x1, w1, s11);
                s20 = L.MultiplyAdd(x2, w0, s20); s21 = L.MultiplyAdd(x2, w1, s21);
                s30 = L.MultiplyAdd(x3, w0, s30); s31 = L.MultiplyAdd(x3, w1, s31);
            }
            Store2(s00, s01, ref result, 0, width);
            Store2(s10, s11, ref result, kp, width);
            Store2(s20, s21, ref result, 2 * kp, width);
            Store2(s30, s31, ref result, 3 * kp, width);
            return;
        }
        TV t0 = b0, t1 = b1, t2 = b2, t3 = b3;
        nuint offset = 0;
        for (int j = 0; j < d; j++, offset += (nuint)kp)
        {
            TV w0 = L.Load(ref w, offset);
            t0 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, j)), w0, t0);
            t1 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a1, j)), w0, t1);
            t2 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a2, j)), w0, t2);
            t3 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a3, j)), w0, t3);
        }
        L.Store(t0, ref result, 0);
        L.Store(t1, ref result, (nuint)kp);
        L.Store(t2, ref result, (nuint)(2 * kp));
        L.Store(t3, ref result, (nuint)(3 * kp));
    }

    /// <summary>
    /// Eight rows × two vectors: 16 accumulators for AVX-512's 32 registers. Two vectors of W per j keep
    /// the block's d rows of W small enough for L1, and eight rows share each load of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EightRowsTwoVectors(ref T a, ReadOnlySpan<T> targets, int d, ref T w, ref T result, int kp)
    {
        int width = L.Count;
        TV s00 = L.Broadcast(-targets[0]), s01 = s00, s10 = L.Broadcast(-targets[1]), s11 = s10;
        TV s20 = L.Broadcast(-targets[2]), s21 = s20, s30 = L.Broadcast(-targets[3]), s31 = s30;
        TV s40 = L.Broadcast(-targets[4]), s41 = s40, s50 = L.Broadcast(-targets[5]), s51 = s50;
        TV s60 = L.Broadcast(-targets[6]), s61 = s60, s70 = L.Broadcast(-targets[7]), s71 = s70;
        nuint at = 0, v = (nuint)width;
        ref T a4 = ref Unsafe.Add(ref a, 4 * d);
        for (int j = 0; j < d; j++, at += (nuint)kp)
        {
            TV w0 = L.Load(ref w, at), w1 = L.Load(ref w, at + v);
            ref T row = ref Unsafe.Add(ref a, j);
            TV x = L.Broadcast(row);
            s00 = L.MultiplyAdd(x, w0, s00); s01 = L.MultiplyAdd(x, w1, s01);
            x = L.Broadcast(Unsafe.Add(ref row, d));
            s10 = L.MultiplyAdd(x, w0, s10); s11 = L.MultiplyAdd(x, w1, s11);
            x = L.Broadcast(Unsafe.Add(ref row, 2 * d));
            s20 = L.MultiplyAdd(x, w0, s20); s21 = L.MultiplyAdd(x, w1, s21);
            x = L.Broadcast(Unsafe.Add(ref row, 3 * d));
            s30 = L.MultiplyAdd(x, w0, s30); s31 = L.MultiplyAdd(x, w1, s31);
            ref T upper = ref Unsafe.Add(ref a4, j);
            x = L.Broadcast(upper);
            s40 = L.MultiplyAdd(x, w0, s40); s41 = L.MultiplyAdd(x, w1, s41);
            x = L.Broadcast(Unsafe.Add(ref upper, d));
            s50 = L.MultiplyAdd(x, w0, s50); s51 = L.MultiplyAdd(x, w1, s51);
            x = L.Broadcast(Unsafe.Add(ref upper, 2 * d));
            s60 = L.MultiplyAdd(x, w0, s60); s61 = L.MultiplyAdd(x, w1, s61);
            x = L.Broadcast(Unsafe.Add(ref upper, 3 * d));
            s70 = L.MultiplyAdd(x, w0, s70); s71 = L.MultiplyAdd(x, w1, s71);
        }
        Store2(s00, s01, ref result, 0, width);
        Store2(s10, s11, ref result, kp, width);
        Store2(s20, s21, ref result, 2 * kp, width);
        Store2(s30, s31, ref result, 3 * kp, width);
        Store2(s40, s41, ref result, 4 * kp, width);
        Store2(s50, s51, ref result, 5 * kp, width);
        Store2(s60, s61, ref result, 6 * kp, width);
        Store2(s70, s71, ref result, 7 * kp, width);
    }

    /// <summary>One row × the block's columns: the sum over j is split four ways (j mod 4) to keep four chains in flight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneRow(ref T a, T target, int d, ref T w, ref T result, int kp, int block)
    {
        int width = L.Count;
        for (int c = 0; c < block; c += width)
        {
            TV s0 = L.Broadcast(-target), s1 = L.Zero, s2 = L.Zero, s3 = L.Zero;
            nuint at = (nuint)c, step = (nuint)kp;
            int j = 0;
            for (; j + 4 <= d; j += 4, at += 4 * step)
            {
                s0 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, j)), L.Load(ref w, at), s0);
                s1 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, j + 1)), L.Load(ref w, at + step), s1);
                s2 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, j + 2)), L.Load(ref w, at + 2 * step), s2);
                s3 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, j + 3)), L.Load(ref w, at + 3 * step), s3);
            }
            for (; j < d; j++, at += step) s0 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, j)), L.Load(ref w, at), s0);
            L.Store(L.Add(L.Add(s0, s1), L.Add(s2, s3)), ref result, (nuint)c);
        }
    }

    /// <summary>
    /// One step of every column from the batch residuals R (B×Kp): gⱼ = scale·Σᵢ A_B[i, j]·R[i, :], then the
    /// update rule on W[j, :] and its state (<see cref="RuleKernel{T, TV, L}"/>), each row of W as soon as its
    /// gradient is summed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GradientStep<TRule>(ReadOnlySpan<T> rows, int batch, ReadOnlySpan<T> residuals, T scale, in TRule rule, in RuleBuffers<T> buffers, int kp)
        where TRule : struct, IUpdateRule<T>
    {
        int d = rows.Length / batch, j = 0;
        ref T a = ref MemoryMarshal.GetReference(rows);
        ref T r = ref MemoryMarshal.GetReference(residuals);
        var update = new Updater<TRule>(rule, buffers, L.Broadcast(scale), kp);
        // With one vector of columns the tile is inlined here: at batch 1 a call per four weights cost more than their arithmetic.
        if (kp == L.Count)
            for (; j + 4 <= d; j += 4) FourWeightsOneVector(ref a, j, d, batch, ref r, kp, 0, update);
        else
            for (; j + 4 <= d; j += 4) FourWeights(ref a, j, d, batch, ref r, kp, update);
        for (; j < d; j++) OneWeight(ref a, j, d, batch, ref r, kp, update);
    }

    /// <summary>Four weights (j … j + 3) × one vector of columns from <paramref name="c"/>: four accumulators over the batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void FourWeightsOneVector<TRule>(ref T a, int j, int d, int batch, ref T r, int kp, int c, in Updater<TRule> update) where TRule : struct, IUpdateRule<T>
    {
        TV g0 = L.Zero, g1 = g0, g2 = g0, g3 = g0;
        nuint at = (nuint)c;
        for (int i = 0; i < batch; i++, at += (nuint)kp)
        {
            TV r0 = L.Load(ref r, at);
            ref T row = ref Unsafe.Add(ref a, i * d + j);
            g0 = L.MultiplyAdd(L.Broadcast(row), r0, g0);
            g1 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref row, 1)), r0, g1);
            g2 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref row, 2)), r0, g2);
            g3 = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref row, 3)), r0, g3);
        }
        update.Apply(g0, j, c); update.Apply(g1, j + 1, c); update.Apply(g2, j + 2, c); update.Apply(g3, j + 3, c);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourWeights<TRule>(ref T a, int j, int d, int batch, ref T r, int kp, in Updater<TRule> update) where TRule : struct, IUpdateRule<T>
    {
        int width = L.Count, c = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; c + 4 * width <= kp; c += 4 * width) FourWeightsFourVectors(ref a, j, d, batch, ref r, kp, c, update);
        for (; c + 2 * width <= kp; c += 2 * width)
        {
            TV g00 = L.Zero, g01 = g00, g10 = g00, g11 = g00, g20 = g00, g21 = g00, g30 = g00, g31 = g00;
            nuint at = (nuint)c;
            for (int i = 0; i < batch; i++, at += (nuint)kp)
            {
                TV r0 = L.Load(ref r, at), r1 = L.Load(ref r, at + (nuint)width);
                ref T row = ref Unsafe.Add(ref a, i * d + j);
                TV x0 = L.Broadcast(row), x1 = L.Broadcast(Unsafe.Add(ref row, 1));
                TV x2 = L.Broadcast(Unsafe.Add(ref row, 2)), x3 = L.Broadcast(Unsafe.Add(ref row, 3));
                g00 = L.MultiplyAdd(x0, r0, g00); g01 = L.MultiplyAdd(x0, r1, g01);
                g10 = L.MultiplyAdd(x1, r0, g10); g11 = L.MultiplyAdd(x1, r1, g11);
                g20 = L.MultiplyAdd(x2, r0, g20); g21 = L.MultiplyAdd(x2, r1, g21);
                g30 = L.MultiplyAdd(x3, r0, g30); g31 = L.MultiplyAdd(x3, r1, g31);
            }
            update.Apply(g00, j, c); update.Apply(g01, j, c + width);
            update.Apply(g10, j + 1, c); update.Apply(g11, j + 1, c + width);
            update.Apply(g20, j + 2, c); update.Apply(g21, j + 2, c + width);
            update.Apply(g30, j + 3, c); update.Apply(g31, j + 3, c + width);
        }
        for (; c < kp; c += width) FourWeightsOneVector(ref a, j, d, batch, ref r, kp, c, update);
    }

    /// <summary>Four weights × four vectors of columns: 16 accumulators, for AVX-512's 32 registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourWeightsFourVectors<TRule>(ref T a, int j, int d, int batch, ref T r, int kp, int c, in Updater<TRule> update) where TRule : struct, IUpdateRule<T>
    {
        int width = L.Count;
        TV g00 = L.Zero, g01 = g00, g02 = g00, g03 = g00, g10 = g00, g11 = g00, g12 = g00, g13 = g00;
        TV g20 = g00, g21 = g00, g22 = g00, g23 = g00, g30 = g00, g31 = g00, g32 = g00, g33 = g00;
        nuint at = (nuint)c, v = (nuint)width;
        for (int i = 0; i < batch; i++, at += (nuint)kp)
        {
            TV r0 = L.Load(ref r, at), r1 = L.Load(ref r, at + v), r2 = L.Load(ref r, at + 2 * v), r3 = L.Load(ref r, at + 3 * v);
            ref T row = ref Unsafe.Add(ref a, i * d + j);
            TV x = L.Broadcast(row);
            g00 = L.MultiplyAdd(x, r0, g00); g01 = L.MultiplyAdd(x, r1, g01); g02 = L.MultiplyAdd(x, r2, g02); g03 = L.MultiplyAdd(x, r3, g03);
            x = L.Broadcast(Unsafe.Add(ref row, 1));
            g10 = L.MultiplyAdd(x, r0, g10); g11 = L.MultiplyAdd(x, r1, g11); g12 = L.MultiplyAdd(x, r2, g12); g13 = L.MultiplyAdd(x, r3, g13);
            x = L.Broadcast(Unsafe.Add(ref row, 2));
            g20 = L.MultiplyAdd(x, r0, g20); g21 = L.MultiplyAdd(x, r1, g21); g22 = L.MultiplyAdd(x, r2, g22); g23 = L.MultiplyAdd(x, r3, g23);
            x = L.Broadcast(Unsafe.Add(ref row, 3));
            g30 = L.MultiplyAdd(x, r0, g30); g31 = L.MultiplyAdd(x, r1, g31); g32 = L.MultiplyAdd(x, r2, g32); g33 = L.MultiplyAdd(x, r3, g33);
        }
        ApplyRow(update, j, c, width, g00, g01, g02, g03);
        ApplyRow(update, j + 1, c, width, g10, g11, g12, g13);
        ApplyRow(update, j + 2, c, width, g20, g21, g22, g23);
        ApplyRow(update, j + 3, c, width, g30, g31, g32, g33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void ApplyRow<TRule>(in Updater<TRule> update, int j, int c, int width, TV g0, TV g1, TV g2, TV g3)
        where TRule : struct, IUpdateRule<T>
    {
        update.Apply(g0, j, c);
        update.Apply(g1, j, c + width);
        update.Apply(g2, j, c + 2 * width);
        update.Apply(g3, j, c + 3 * width);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneWeight<TRule>(ref T a, int j, int d, int batch, ref T r, int kp, in Updater<TRule> update) where TRule : struct, IUpdateRule<T>
    {
        for (int c = 0; c < kp; c += L.Count)
        {
            TV g = L.Zero;
            nuint at = (nuint)c;
            for (int i = 0; i < batch; i++, at += (nuint)kp)
                g = L.MultiplyAdd(L.Broadcast(Unsafe.Add(ref a, i * d + j)), L.Load(ref r, at), g);
            update.Apply(g, j, c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Store2(TV first, TV second, ref T destination, int offset, int width)
    {
        L.Store(first, ref destination, (nuint)offset);
        L.Store(second, ref destination, (nuint)(offset + width));
    }

    /// <summary>
    /// Scales a raw gradient slice by 2/B and hands it to the update rule (<see cref="RuleKernel{T, TV, L}"/>). With one
    /// vector of columns every update reads the same scalars, so they are loaded once per step (at batch 1 a step is
    /// mostly updates).
    /// </summary>
    private readonly ref struct Updater<TRule> where TRule : struct, IUpdateRule<T>
    {
        private readonly TRule _rule;
        private readonly RuleBuffers<T> _buffers;
        private readonly TV _scale;
        private readonly int _kp;
        private readonly RuleScalars<TV> _firstColumns;

        public Updater(TRule rule, RuleBuffers<T> buffers, TV scale, int kp)
        {
            _rule = rule;
            _buffers = buffers;
            _scale = scale;
            _kp = kp;
            _firstColumns = RuleKernel<T, TV, L>.Scalars(buffers, 0);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        public void Apply(TV rawGradient, int j, int column)
        {
            var scalars = column == 0 ? _firstColumns : RuleKernel<T, TV, L>.Scalars(_buffers, (nuint)column);
            RuleKernel<T, TV, L>.Apply(_rule, _buffers, (nuint)(j * _kp + column), scalars, L.Multiply(rawGradient, _scale));
        }
    }
}
