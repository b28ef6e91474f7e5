using System.Numerics;
using System.Runtime.CompilerServices;
using TorchFit.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// Keras 3's Adagrad (keras/src/optimizers/adagrad.py, <c>update_step</c>), operation by operation:
/// <code>
/// acc ← acc + g²                     (acc starts at initial_accumulator_value, 0.1 by default)
/// w   ← w − η·g / √(acc + ε)
/// </code>
/// PyTorch adds ε to √acc (and starts acc at 0 by default): <see cref="TorchAdagradRule{T}"/>.
/// </summary>
/// <typeparam name="T">The training dtype.</typeparam>
internal readonly struct KerasAdagradRule<T> : IUpdateRule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Parameter row of the learning rate (η for Keras, −η for PyTorch).</summary>
    public const int LearningRate = 0;

    /// <summary>Parameter row of ε.</summary>
    public const int Epsilon = 1;

    /// <summary>Parameter row of the accumulator's starting value.</summary>
    public const int InitialAccumulator = 2;

    /// <summary>The rule for <paramref name="configurations"/> (one column each, <paramref name="width"/> columns with padding).</summary>
    public KerasAdagradRule(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast) =>
        Parameters = Table(configurations, width, broadcast, o => o.LearningRate);

    /// <inheritdoc/>
    public int StateCount => 1;

    /// <inheritdoc/>
    public ParameterTable<T> Parameters { get; }

    /// <inheritdoc/>
    public T InitialState(int buffer, int column) => Parameters.Row(InitialAccumulator)[column];

    /// <inheritdoc/>
    public bool BeginStep(long step) => false;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TV Apply<TV, TArithmetic>(TV weight, TV gradient, ref TV first, ref TV second, ref TV third, in RuleScalars<TV> scalars)
        where TArithmetic : IArithmetic<TV>
    {
        ref TV accumulator = ref first;
        accumulator = TArithmetic.Add(accumulator, TArithmetic.Multiply(gradient, gradient));
        var step = TArithmetic.Divide(TArithmetic.Multiply(scalars.First, gradient), TArithmetic.SquareRoot(TArithmetic.Add(accumulator, scalars.Second)));
        return TArithmetic.Subtract(weight, step);
    }

    /// <summary>The table both Adagrad rules read: the learning rate as <paramref name="learningRate"/> gives it, ε, the starting accumulator.</summary>
    internal static ParameterTable<T> Table(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast, Func<TrainingOptions, double> learningRate)
    {
        var table = new ParameterTable<T>(3, width);
        table.Fill(LearningRate, configurations, learningRate, broadcast);
        table.Fill(Epsilon, configurations, o => o.Epsilon, broadcast);
        table.Fill(InitialAccumulator, configurations, o => o.InitialAccumulatorValue, broadcast);
        return table;
    }
}
