using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// <c>torch.optim.Adam</c> as TorchSharp computes it (TorchSharp/Optimizers/Adam.cs, <c>step</c>; no weight decay),
/// its per-step scalars in double:
/// <code>
/// m ← m·β₁ + (1 − β₁)·g
/// v ← v·β₂ + (1 − β₂)·g·g                     (AMSGrad: v_max ← max(v_max, v), used for v below)
/// w ← w − (η / (1 − β₁ᵗ))·m / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// Keras adds ε to the uncorrected √v instead (<see cref="KerasAdamRule{T}"/>).
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct TorchAdamRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Parameter row of β₁.</summary>
    public const int Beta1 = 0;

    /// <summary>Parameter row of 1 − β₁.</summary>
    public const int OneMinusBeta1 = 1;

    /// <summary>Parameter row of β₂.</summary>
    public const int Beta2 = 2;

    /// <summary>Parameter row of 1 − β₂.</summary>
    public const int OneMinusBeta2 = 3;

    /// <summary>Parameter row of √(1 − β₂ᵗ) (refreshed every step).</summary>
    public const int SecondCorrectionRoot = 4;

    /// <summary>Parameter row of −η / (1 − β₁ᵗ) (refreshed every step).</summary>
    public const int NegativeStepSize = 5;

    /// <summary>Parameter row of ε.</summary>
    public const int Epsilon = 6;

    private readonly bool _amsgrad;
    private readonly AdamSchedule _schedule;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public TorchAdamRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast)
    {
        _amsgrad = UpdateForm.Of(configurations).Amsgrad;
        Parameters = new ParameterTable<T>(7, width);
        Parameters.Fill(Beta1, configurations, o => o.Beta1, broadcast);
        Parameters.Fill(OneMinusBeta1, configurations, o => 1 - o.Beta1, broadcast);
        Parameters.Fill(Beta2, configurations, o => o.Beta2, broadcast);
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
        Span<T> root = Parameters.Row(SecondCorrectionRoot), stepSize = Parameters.Row(NegativeStepSize);
        for (int k = 0; k < _schedule.Count; k++)
        {
            var (learningRate, beta1, beta2) = _schedule[k];
            root[k] = T.CreateChecked(Math.Sqrt(1 - Math.Pow(beta2, step)));
            stepSize[k] = T.CreateChecked(-learningRate / (1 - Math.Pow(beta1, step)));
        }
        _schedule.Broadcast(root);
        _schedule.Broadcast(stepSize);
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Apply<TV, TArithmetic>(TV weight, TV gradient, ref TV first, ref TV second, ref TV third, in RuleScalars<TV> scalars)
        where TArithmetic : IArithmetic<TV>
    {
        ref TV m = ref first;
        ref TV v = ref second;
        m = TArithmetic.MultiplyAdd(scalars.Second, gradient, TArithmetic.Multiply(m, scalars.First));                          // mul_(β₁).add_(g, 1 − β₁)
        v = TArithmetic.Add(TArithmetic.Multiply(v, scalars.Third), TArithmetic.Multiply(TArithmetic.Multiply(scalars.Fourth, gradient), gradient));   // mul_(β₂).addcmul_(g, g, 1 − β₂)
        TV velocity = Amsgrad.SecondMoment<TV, TArithmetic>(_amsgrad, v, ref third);
        var denominator = TArithmetic.Add(TArithmetic.Divide(TArithmetic.SquareRoot(velocity), scalars.Fifth), scalars.Seventh);
        return TArithmetic.Add(weight, TArithmetic.Multiply(scalars.Sixth, TArithmetic.Divide(m, denominator)));             // addcdiv_(m, denom, −step size)
    }
}
