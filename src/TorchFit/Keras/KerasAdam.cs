using TorchFit.Training;
using TorchSharp.Modules;

namespace TorchFit.Keras;

/// <summary>
/// Keras 3's <c>Adam</c> (keras/src/optimizers/adam.py): α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m += (g − m)(1 − β₁);
/// v += (g² − v)(1 − β₂); w −= α·m/(√v + ε), with AMSGrad using max(v̂, v). Unlike <c>torch.optim.Adam</c>, ε is
/// added to the uncorrected √v, and defaults to 1e-7.
/// </summary>
public sealed class KerasAdam : KerasOptimizer
{
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">Keras <c>learning_rate</c>, &gt; 0.</param>
    /// <param name="beta1">Keras <c>beta_1</c>, in [0, 1).</param>
    /// <param name="beta2">Keras <c>beta_2</c>, in [0, 1).</param>
    /// <param name="epsilon">Keras <c>epsilon</c>, ≥ 0.</param>
    /// <param name="amsgrad">Keras <c>amsgrad</c>.</param>
    /// <exception cref="InvalidInputException">A value out of its range.</exception>
    public KerasAdam(IEnumerable<Parameter> parameters, double learningRate = 0.001, double beta1 = OptimizerDefaults.Beta1,
        double beta2 = OptimizerDefaults.Beta2, double epsilon = OptimizerDefaults.Epsilon, bool amsgrad = false)
        : base(parameters, new TrainingOptions
        {
            Optimizer = OptimizerKind.Adam, LearningRate = learningRate, Beta1 = beta1, Beta2 = beta2, Epsilon = epsilon, Amsgrad = amsgrad,
        })
    {
    }
}
