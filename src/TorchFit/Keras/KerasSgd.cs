using TorchFit.Training;
using TorchSharp.Modules;

namespace TorchFit.Keras;

/// <summary>
/// Keras 3's <c>SGD</c> (keras/src/optimizers/sgd.py): w ← w − η·g, or with momentum m ← m·μ − g·η; w ← w + m
/// (Nesterov: w ← w + (m·μ − g·η)). <c>torch.optim.SGD</c> keeps buf = −m/η instead: the same trajectory in exact
/// arithmetic, other roundings.
/// </summary>
public sealed class KerasSgd : KerasOptimizer
{
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Keras <c>learning_rate</c>, &gt; 0.</param>
    /// <param name="momentum">Keras <c>momentum</c>, in [0, 1).</param>
    /// <param name="nesterov">Keras <c>nesterov</c> (needs momentum &gt; 0).</param>
    /// <exception cref="InvalidInputException">A value out of its range.</exception>
    public KerasSgd(IEnumerable<Parameter> parameters, double learningRate = 0.01, double momentum = 0, bool nesterov = false)
        : base(parameters, new TrainingOptions { Optimizer = OptimizerKind.Sgd, LearningRate = learningRate, Momentum = momentum, Nesterov = nesterov })
    {
    }
}
