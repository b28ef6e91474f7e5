using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// <c>torch.optim.Adagrad</c> as TorchSharp computes it (TorchSharp/Optimizers/Adagrad.cs, <c>step</c>; no learning-rate
/// decay or weight decay), starting its sum at the initial accumulator value given:
/// <code>
/// sum ← sum + g·g
/// w   ← w − η·g / (√sum + ε)
/// </code>
/// Keras puts ε under the root (<see cref="KerasAdagradRule{T}"/>, whose parameter rows this shares).
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct TorchAdagradRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public TorchAdagradRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast) =>
        Parameters = KerasAdagradRule<T>.Table(configurations, width, broadcast, o => -o.LearningRate);

    /// <inheritdoc/>
    public int StateCount => 1;

    /// <inheritdoc/>
    public ParameterTable<T> Parameters { get; }

    /// <inheritdoc/>
    public T InitialState(int buffer, int column) => Parameters.Row(KerasAdagradRule<T>.InitialAccumulator)[column];

    /// <inheritdoc/>
    public bool BeginStep(long step) => false;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Apply<TV, TArithmetic>(TV weight, TV gradient, ref TV first, ref TV second, ref TV third, in RuleScalars<TV> scalars)
        where TArithmetic : IArithmetic<TV>
    {
        ref TV sum = ref first;
        sum = TArithmetic.Add(sum, TArithmetic.Multiply(gradient, gradient));                   // addcmul_(g, g, 1)
        var deviation = TArithmetic.Add(TArithmetic.SquareRoot(sum), scalars.Second);            // sqrt().add_(ε)
        return TArithmetic.Add(weight, TArithmetic.Multiply(scalars.First, TArithmetic.Divide(gradient, deviation)));   // addcdiv_(g, std, −η)
    }
}
