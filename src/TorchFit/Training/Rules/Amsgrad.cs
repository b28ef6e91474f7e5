using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// Adam's AMSGrad variant, as Keras and PyTorch both compute it: the denominator uses the running maximum of the
/// second moment (kept in the rule's third state buffer) instead of the moment itself. Both Adam rules call this.
/// </summary>
internal static class Amsgrad
{
    /// <summary>State buffers an Adam rule keeps: m and v, and the maximum of v with AMSGrad.</summary>
    public static int StateCount(bool enabled) => enabled ? 3 : 2;

    /// <summary>The second moment the update divides by: <paramref name="velocity"/>, or with AMSGrad the updated maximum of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TV SecondMoment<TV, TArithmetic>(bool enabled, TV velocity, ref TV maximum) where TArithmetic : IArithmetic<TV>
    {
        if (!enabled) return velocity;
        maximum = TArithmetic.Max(maximum, velocity);
        return maximum;
    }
}
