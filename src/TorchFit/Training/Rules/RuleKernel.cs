using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// The one place where the SIMD engines meet an update rule: it loads a vector of weights, their state
/// and the configurations' scalars, applies the rule and stores the results. The fused engine calls it
/// along a weight vector (every lane the same configuration), the batched engine across a row of the
/// d×K weight matrix (one lane per configuration).
/// </summary>
internal static class RuleKernel<T, TV, L>
    where T : unmanaged, IFloatingPointIeee754<T>
    where L : struct, ILanes<T, TV>
{
    /// <summary>The scalars of the configurations from <paramref name="column"/> on: one vector per parameter row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static RuleScalars<TV> Scalars(in RuleBuffers<T> buffers, nuint column)
    {
        RuleScalars<TV> scalars = default;
        int rows = buffers.ParameterRows;
        nuint stride = buffers.ParameterStride;
        ref T parameters = ref buffers.Parameters;
        if (rows > 0) scalars.First = L.Load(ref parameters, column);
        if (rows > 1) scalars.Second = L.Load(ref parameters, stride + column);
        if (rows > 2) scalars.Third = L.Load(ref parameters, 2 * stride + column);
        if (rows > 3) scalars.Fourth = L.Load(ref parameters, 3 * stride + column);
        if (rows > 4) scalars.Fifth = L.Load(ref parameters, 4 * stride + column);
        if (rows > 5) scalars.Sixth = L.Load(ref parameters, 5 * stride + column);
        if (rows > 6) scalars.Seventh = L.Load(ref parameters, 6 * stride + column);
        return scalars;
    }

    /// <summary>
    /// Updates the <see cref="ILanes{T, TVector}.Count"/> weights at <paramref name="offset"/> (and their state)
    /// with <paramref name="gradient"/>, with the configurations' <paramref name="scalars"/> (<see cref="Scalars"/>:
    /// callers load them once for as many vectors as they share them).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TRule>(in TRule rule, in RuleBuffers<T> buffers, nuint offset, in RuleScalars<TV> scalars, TV gradient)
        where TRule : struct, IUpdateRule<T>
    {
        int count = rule.StateCount;
        TV first = count > 0 ? L.Load(ref buffers.First, offset) : L.Zero;
        TV second = count > 1 ? L.Load(ref buffers.Second, offset) : L.Zero;
        TV third = count > 2 ? L.Load(ref buffers.Third, offset) : L.Zero;

        var weight = rule.Apply<TV, L>(L.Load(ref buffers.Weights, offset), gradient, ref first, ref second, ref third, scalars);

        L.Store(weight, ref buffers.Weights, offset);
        if (count > 0) L.Store(first, ref buffers.First, offset);
        if (count > 1) L.Store(second, ref buffers.Second, offset);
        if (count > 2) L.Store(third, ref buffers.Third, offset);
    }
}
