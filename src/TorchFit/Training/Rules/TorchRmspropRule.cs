using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// <c>torch.optim.RMSprop</c> as TorchSharp computes it (TorchSharp/Optimizers/RMSprop.cs, <c>step</c>; no weight
/// decay), with ρ as PyTorch's alpha:
/// <code>
/// v ← v·ρ + (1 − ρ)·g·g
/// centered:  ḡ ← ḡ·ρ + (1 − ρ)·g;  a = √(v − ḡ·ḡ) + ε     otherwise a = √v + ε
/// momentum:  buf ← buf·μ + g/a;  w ← w − η·buf            otherwise w ← w − η·g/a
/// </code>
/// Keras puts ε under the root and η before the division (<see cref="KerasRmspropRule{T}"/>). State: v, ḡ, buf.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct TorchRmspropRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool _centered;
    private readonly bool _momentum;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public TorchRmspropRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast)
    {
        var form = UpdateForm.Of(configurations);
        (_centered, _momentum, StateCount) = (form.Centered, form.UsesMomentum, RmspropParameters.StateCount(form));
        Parameters = RmspropParameters.Table<T>(configurations, width, broadcast, o => -o.LearningRate);
    }

    /// <inheritdoc/>
    public int StateCount { get; }

    /// <inheritdoc/>
    public ParameterTable<T> Parameters { get; }

    /// <inheritdoc/>
    public T InitialState(int buffer, int column) => T.Zero;

    /// <inheritdoc/>
    public bool BeginStep(long step) => false;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Apply<TV, TArithmetic>(TV weight, TV gradient, ref TV first, ref TV second, ref TV third, in RuleScalars<TV> scalars)
        where TArithmetic : IArithmetic<TV>
    {
        TV alpha = scalars.First, oneMinusAlpha = scalars.Second, negativeLearningRate = scalars.Third;
        ref TV squareAverage = ref first;
        squareAverage = TArithmetic.Add(TArithmetic.Multiply(squareAverage, alpha), TArithmetic.Multiply(TArithmetic.Multiply(oneMinusAlpha, gradient), gradient));
        TV average;
        if (_centered)
        {
            ref TV gradientAverage = ref second;
            gradientAverage = TArithmetic.MultiplyAdd(oneMinusAlpha, gradient, TArithmetic.Multiply(gradientAverage, alpha));     // mul_(α).add_(g, 1 − α)
            average = TArithmetic.SquareRoot(TArithmetic.Subtract(squareAverage, TArithmetic.Multiply(gradientAverage, gradientAverage)));
        }
        else average = TArithmetic.SquareRoot(squareAverage);
        average = TArithmetic.Add(average, scalars.Fourth);
        if (!_momentum) return TArithmetic.Add(weight, TArithmetic.Multiply(negativeLearningRate, TArithmetic.Divide(gradient, average)));   // addcdiv_(g, a, −η)
        ref TV buffer = ref third;
        buffer = TArithmetic.Add(TArithmetic.Multiply(buffer, scalars.Fifth), TArithmetic.Divide(gradient, average));                   // mul_(μ).addcdiv_(g, a)
        return TArithmetic.MultiplyAdd(negativeLearningRate, buffer, weight);                                                              // add_(buf, −η)
    }
}
