using System.Numerics;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// An optimizer's per-weight update, written once over any <see cref="IArithmetic{TV}"/>, as Keras writes
/// <c>update_step</c> and PyTorch <c>step</c>. The fused engine applies it to a run of one weight vector,
/// the batched engine to one weight of K configurations at a time, the torch-ops form to whole tensors
/// (<see cref="RuleKernel{T, TV, L}"/> and <see cref="TensorRule"/> do the loading and storing).
/// Implementations are structs, so every kernel generic in one is compiled with the update inlined.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal interface IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Per-weight state buffers the rule keeps (0 to 3), each shaped like the weights (starting at <see cref="InitialState"/>).</summary>
    int StateCount { get; }

    /// <summary>The value buffer <paramref name="buffer"/> starts at for configuration (column) <paramref name="column"/>: 0 but for Adagrad's accumulator.</summary>
    T InitialState(int buffer, int column);

    /// <summary>The scalars of each configuration (learning rate, momentum, …), one row per scalar.</summary>
    ParameterTable<T> Parameters { get; }

    /// <summary>
    /// Called before step <paramref name="step"/> (from 1, counted over the whole run as Keras'
    /// <c>iterations + 1</c>); a rule with per-step scalars (Adam's bias corrections) refreshes its
    /// <see cref="Parameters"/> here and returns true.
    /// </summary>
    bool BeginStep(long step);

    /// <summary>
    /// The new weight, from the weight, its gradient, its state (<paramref name="first"/> to <paramref name="third"/>,
    /// as many as <see cref="StateCount"/>, updated in place) and the configuration's scalars.
    /// </summary>
    TV Apply<TV, TArithmetic>(TV weight, TV gradient, ref TV first, ref TV second, ref TV third, in RuleScalars<TV> scalars)
        where TArithmetic : IArithmetic<TV>;
}
