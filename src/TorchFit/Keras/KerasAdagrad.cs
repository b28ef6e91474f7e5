using TorchFit.Training;
using TorchSharp.Modules;

namespace TorchFit.Keras;

/// <summary>
/// Keras 3's <c>Adagrad</c> (keras/src/optimizers/adagrad.py): acc += g²; w −= η·g/√(acc + ε), with acc starting at
/// <c>initial_accumulator_value</c>. Unlike <c>torch.optim.Adagrad</c>, ε is under the root, and acc starts at 0.1
/// by default (PyTorch: 0).
/// </summary>
public sealed class KerasAdagrad : KerasOptimizer
{
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Keras <c>learning_rate</c>, &gt; 0.</param>
    /// <param name="initialAccumulatorValue">Keras <c>initial_accumulator_value</c>, ≥ 0.</param>
    /// <param name="epsilon">Keras <c>epsilon</c>, ≥ 0.</param>
    /// <exception cref="InvalidInputException">A value out of its range.</exception>
    public KerasAdagrad(IEnumerable<Parameter> parameters, double learningRate = 0.001,
        double initialAccumulatorValue = OptimizerDefaults.InitialAccumulatorValue, double epsilon = OptimizerDefaults.Epsilon)
        : base(parameters, new TrainingOptions
        {
            Optimizer = OptimizerKind.Adagrad, LearningRate = learningRate, InitialAccumulatorValue = initialAccumulatorValue, Epsilon = epsilon,
        })
    {
    }
}
