using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// Keras 3's SGD with momentum (keras/src/optimizers/sgd.py, <c>update_step</c>), operation by operation and
/// rounded after each as Keras' backends compute it:
/// <code>
/// m ← m·μ − g·η
/// w ← w + m                        (Nesterov: w ← w + (m·μ − g·η), with the new m)
/// </code>
/// PyTorch keeps buf = −m/η instead (<see cref="SgdRule{T, TMomentum}"/>): the same trajectory in exact
/// arithmetic, different roundings.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct KerasSgdMomentumRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Parameter row of η.</summary>
    public const int LearningRate = 0;

    /// <summary>Parameter row of μ.</summary>
    public const int Momentum = 1;

    private readonly bool _nesterov;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public KerasSgdMomentumRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast)
    {
        _nesterov = UpdateForm.Of(configurations).Nesterov;
        Parameters = new ParameterTable<T>(2, width);
        Parameters.Fill(LearningRate, configurations, o => o.LearningRate, broadcast);
        Parameters.Fill(Momentum, configurations, o => o.Momentum, broadcast);
    }

    /// <inheritdoc/>
    public int StateCount => 1;

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
        TV learningRate = scalars.First, momentum = scalars.Second;
        ref TV m = ref first;
        m = TArithmetic.Subtract(TArithmetic.Multiply(m, momentum), TArithmetic.Multiply(gradient, learningRate));
        var step = _nesterov ? TArithmetic.Subtract(TArithmetic.Multiply(m, momentum), TArithmetic.Multiply(gradient, learningRate)) : m;
        return TArithmetic.Add(weight, step);
    }
}
