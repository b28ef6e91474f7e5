using TorchFit.Training;
using TorchSharp.Modules;

namespace TorchFit.Keras;

/// <summary>
/// Keras 3's <c>RMSprop</c> (keras/src/optimizers/rmsprop.py): v ← ρv + (1 − ρ)g²; Δ = η·g/√(v + ε) (centered:
/// √(v − ḡ² + ε) with ḡ ← ρḡ + (1 − ρ)g); w −= Δ, or with momentum m ← μm + Δ, w −= m. Unlike
/// <c>torch.optim.RMSprop</c>, ε is under the root, and ρ defaults to 0.9 (PyTorch's alpha to 0.99).
/// </summary>
public sealed class KerasRmsprop : KerasOptimizer
{
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Keras <c>learning_rate</c>, &gt; 0.</param>
    /// <param name="rho">Keras <c>rho</c>, in [0, 1).</param>
    /// <param name="momentum">Keras <c>momentum</c>, in [0, 1).</param>
    /// <param name="epsilon">Keras <c>epsilon</c>, ≥ 0.</param>
    /// <param name="centered">Keras <c>centered</c>.</param>
    /// <exception cref="InvalidInputException">A value out of its range.</exception>
    public KerasRmsprop(IEnumerable<Parameter> parameters, double learningRate = 0.001, double rho = OptimizerDefaults.Rho, double momentum = 0,
        double epsilon = OptimizerDefaults.Epsilon, bool centered = false)
        : base(parameters, new TrainingOptions
        {
            Optimizer = OptimizerKind.Rmsprop, LearningRate = learningRate, Rho = rho, Momentum = momentum, Epsilon = epsilon, Centered = centered,
        })
    {
    }
}
