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
    /// <summary>
    /// Updates the <see cref="ILanes{T, TVector}.Count"/> weights at <paramref name="offset"/> (and their state)
    /// with <paramref name="gradient"/>, reading the scalars of the configurations from <paramref name="column"/> on.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Apply<TRule>(in TRule rule, in RuleBuffers<T> buffers, nuint offset, nuint column, TV gradient)
        where TRule : struct, IUpdateRule<T>
    {
        RuleScalars<TV> scalars = default;
        int rows = buffers.ParameterRows;
        nuint stride = buffers.ParameterStride;
        ref T parameters = ref buffers.Parameters;
        if (rows > 0) scalars.First = L.Load(ref parameters, column);
        if (rows > 1) scalars.Second = L.Load(ref parameters, stride + column);
        if (rows > 2) scalars.Third = L.Load(ref parameters, 2 * stride + column);
        if (rows > 3) scalars.Fourth = L.Load(ref parameters, 3 * stride + column);

        RuleState<TV> state = default;
        int count = rule.StateCount;
        if (count > 0) state.First = L.Load(ref buffers.First, offset);
        if (count > 1) state.Second = L.Load(ref buffers.Second, offset);
        if (count > 2) state.Third = L.Load(ref buffers.Third, offset);

        var weight = rule.Apply<TV, L>(L.Load(ref buffers.Weights, offset), gradient, ref state, scalars);

        L.Store(weight, ref buffers.Weights, offset);
        if (count > 0) L.Store(state.First, ref buffers.First, offset);
        if (count > 1) L.Store(state.Second, ref buffers.Second, offset);
        if (count > 2) L.Store(state.Third, ref buffers.Third, offset);
    }
}
