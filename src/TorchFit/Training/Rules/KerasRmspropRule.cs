using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// Keras 3's RMSprop (keras/src/optimizers/rmsprop.py, <c>update_step</c>), operation by operation:
/// <code>
/// v ← ρ·v + (1 − ρ)·g²
/// centered:  ḡ ← ρ·ḡ + (1 − ρ)·g;  D = v − ḡ² + ε        otherwise D = v + ε
/// Δ = η·g / √D
/// momentum:  m ← μ·m + Δ;  w ← w − m                      otherwise w ← w − Δ
/// </code>
/// ε sits under the root; PyTorch adds it to √v (<see cref="TorchRmspropRule{T}"/>). State: v, then ḡ, then m.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct KerasRmspropRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Parameter row of ρ.</summary>
    public const int Rho = 0;

    /// <summary>Parameter row of 1 − ρ.</summary>
    public const int OneMinusRho = 1;

    /// <summary>Parameter row of η.</summary>
    public const int LearningRate = 2;

    /// <summary>Parameter row of ε.</summary>
    public const int Epsilon = 3;

    /// <summary>Parameter row of μ.</summary>
    public const int Momentum = 4;

    private readonly bool _centered;
    private readonly bool _momentum;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public KerasRmspropRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast)
    {
        var form = UpdateForm.Of(configurations);
        (_centered, _momentum, StateCount) = (form.Centered, form.UsesMomentum, RmspropParameters.StateCount(form));
        Parameters = RmspropParameters.Table<T>(configurations, width, broadcast, o => o.LearningRate);
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
        TV rho = scalars.First, oneMinusRho = scalars.Second;
        ref TV velocity = ref first;
        velocity = TArithmetic.Add(TArithmetic.Multiply(rho, velocity), TArithmetic.Multiply(oneMinusRho, TArithmetic.Multiply(gradient, gradient)));
        TV denominator;
        if (_centered)
        {
            ref TV averageGradient = ref second;
            averageGradient = TArithmetic.Add(TArithmetic.Multiply(rho, averageGradient), TArithmetic.Multiply(oneMinusRho, gradient));
            denominator = TArithmetic.Add(TArithmetic.Subtract(velocity, TArithmetic.Multiply(averageGradient, averageGradient)), scalars.Fourth);
        }
        else denominator = TArithmetic.Add(velocity, scalars.Fourth);
        var increment = TArithmetic.Divide(TArithmetic.Multiply(scalars.Third, gradient), TArithmetic.SquareRoot(denominator));
        if (!_momentum) return TArithmetic.Subtract(weight, increment);
        ref TV m = ref third;
        m = TArithmetic.Add(TArithmetic.Multiply(scalars.Fifth, m), increment);
        return TArithmetic.Subtract(weight, m);
    }
}
