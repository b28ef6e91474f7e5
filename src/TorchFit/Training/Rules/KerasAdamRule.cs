using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// Keras 3's Adam (keras/src/optimizers/adam.py, <c>update_step</c>), operation by operation, every scalar cast
/// to the training dtype first as Keras casts them:
/// <code>
/// t = iterations + 1;  α = η·√(1 − β₂ᵗ) / (1 − β₁ᵗ)
/// m ← m + (g − m)·(1 − β₁)
/// v ← v + (g² − v)·(1 − β₂)          (AMSGrad: v̂ ← max(v̂, v), used for v below)
/// w ← w − (m·α) / (√v + ε)
/// </code>
/// ε is added to the uncorrected √v ("epsilon hat" of Kingma and Ba, section 2): PyTorch adds it to the
/// bias-corrected √v̂ (<see cref="TorchAdamRule{T}"/>), so early on, and again once gradients are small, the two differ
/// by more than rounding.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct KerasAdamRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Parameter row of α, the step's bias-corrected learning rate (refreshed every step).</summary>
    public const int Alpha = 0;

    /// <summary>Parameter row of 1 − β₁.</summary>
    public const int OneMinusBeta1 = 1;

    /// <summary>Parameter row of 1 − β₂.</summary>
    public const int OneMinusBeta2 = 2;

    /// <summary>Parameter row of ε.</summary>
    public const int Epsilon = 3;

    private readonly bool _amsgrad;
    private readonly AdamSchedule _schedule;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public KerasAdamRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast)
    {
        _amsgrad = UpdateForm.Of(configurations).Amsgrad;
        Parameters = new ParameterTable<T>(4, width);
        Parameters.Fill(OneMinusBeta1, configurations, o => 1 - o.Beta1, broadcast);
        Parameters.Fill(OneMinusBeta2, configurations, o => 1 - o.Beta2, broadcast);
        Parameters.Fill(Epsilon, configurations, o => o.Epsilon, broadcast);
        _schedule = new AdamSchedule(configurations, broadcast);
    }

    /// <inheritdoc/>
    public int StateCount => Amsgrad.StateCount(_amsgrad);

    /// <inheritdoc/>
    public ParameterTable<T> Parameters { get; }

    /// <inheritdoc/>
    public T InitialState(int buffer, int column) => T.Zero;

    /// <inheritdoc/>
    public bool BeginStep(long step)
    {
        // Keras computes α in the dtype, from local_step = cast(iterations + 1, dtype) and the betas cast to it.
        T t = T.CreateChecked(step);
        var alpha = Parameters.Row(Alpha);
        for (int k = 0; k < _schedule.Count; k++)
        {
            var (learningRate, beta1, beta2) = _schedule[k];
            T beta1Power = T.Pow(T.CreateChecked(beta1), t), beta2Power = T.Pow(T.CreateChecked(beta2), t);
            alpha[k] = T.CreateChecked(learningRate) * T.Sqrt(T.One - beta2Power) / (T.One - beta1Power);
        }
        _schedule.Broadcast(alpha);
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Apply<TV, TArithmetic>(TV weight, TV gradient, ref TV first, ref TV second, ref TV third, in RuleScalars<TV> scalars)
        where TArithmetic : IArithmetic<TV>
    {
        ref TV m = ref first;
        ref TV v = ref second;
        m = TArithmetic.Add(m, TArithmetic.Multiply(TArithmetic.Subtract(gradient, m), scalars.Second));
        v = TArithmetic.Add(v, TArithmetic.Multiply(TArithmetic.Subtract(TArithmetic.Multiply(gradient, gradient), v), scalars.Third));
        TV velocity = Amsgrad.SecondMoment<TV, TArithmetic>(_amsgrad, v, ref third);
        var step = TArithmetic.Divide(TArithmetic.Multiply(m, scalars.First), TArithmetic.Add(TArithmetic.SquareRoot(velocity), scalars.Fourth));
        return TArithmetic.Subtract(weight, step);
    }
}
