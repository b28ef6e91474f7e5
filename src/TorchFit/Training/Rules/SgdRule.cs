using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// <c>torch.optim.SGD</c> with a constant learning rate, no dampening and no weight decay
/// (torch/optim/sgd.py, <c>_single_tensor_sgd</c>):
/// <code>
/// buf ← μ·buf + g                  (PyTorch sets buf = g on the first step: the same, as buf starts at 0)
/// w   ← w − η·buf                  (Nesterov: w ← w − η·(g + μ·buf); without momentum: w ← w − η·g)
/// </code>
/// Each line is one fused multiply-add, as ATen's vectorised <c>add_(x, alpha)</c> computes it. Keras 3
/// (keras/src/optimizers/sgd.py) keeps m = −η·buf instead (<see cref="KerasSgdMomentumRule{T}"/>); in exact
/// arithmetic the trajectories are the same. Without momentum this is the update under both semantics: Keras'
/// <c>assign_sub(variable, gradient·learning_rate)</c> is the same w − η·g, here rounded once.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
/// <typeparam name="TMomentum">Whether the group keeps a momentum buffer (<see cref="UpdateRules"/> picks it).</typeparam>
internal readonly struct SgdRule<T, TMomentum> : IUpdateRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TMomentum : struct, IMomentumUse
{
    /// <summary>Parameter row of −η (negated once, so the update is one multiply-add).</summary>
    public const int NegativeLearningRate = 0;

    /// <summary>Parameter row of μ.</summary>
    public const int Momentum = 1;

    private readonly UpdateForm _form;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public SgdRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast)
    {
        _form = UpdateForm.Of(configurations);
        if (_form.UsesMomentum && !TMomentum.Enabled) throw new InvalidOperationException("these configurations need the momentum form of SGD");
        Parameters = new ParameterTable<T>(2, width);
        Parameters.Fill(NegativeLearningRate, configurations, o => -o.LearningRate, broadcast);
        Parameters.Fill(Momentum, configurations, o => o.Momentum, broadcast);
    }

    /// <inheritdoc/>
    public int StateCount => TMomentum.Enabled ? 1 : 0;

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
        if (!TMomentum.Enabled) return TArithmetic.MultiplyAdd(scalars.First, gradient, weight);    // w − η·g
        ref TV buffer = ref first;
        buffer = TArithmetic.MultiplyAdd(scalars.Second, buffer, gradient);                          // buf ← μ·buf + g
        var step = _form.Nesterov ? TArithmetic.MultiplyAdd(scalars.Second, buffer, gradient) : buffer;
        return TArithmetic.MultiplyAdd(scalars.First, step, weight);                                 // w − η·(buf or g + μ·buf)
    }
}
