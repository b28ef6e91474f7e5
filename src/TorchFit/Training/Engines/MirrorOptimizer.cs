using TorchFit.Keras;
using TorchFit.Training.Rules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchFit.Training.Engines;

/// <summary>
/// The optimizer object the Keras mirror steps: <c>torch.optim</c>'s own class under <see cref="OptimizerSemantics.Torch"/>,
/// this project's <see cref="KerasOptimizer"/> classes under <see cref="OptimizerSemantics.Keras"/>. Plain SGD is the same
/// update under both (w − η·g), so it stays <c>torch.optim.SGD</c>, whose figures the mirror has always produced.
/// </summary>
internal static class MirrorOptimizer
{
    /// <summary>The optimizer for <paramref name="options"/> over <paramref name="parameters"/>.</summary>
    public static optim.Optimizer Create(IEnumerable<Parameter> parameters, TrainingOptions options)
    {
        var form = UpdateForm.Of(options);
        // Keras casts the learning rate to the variables' dtype: 1e39 becomes Infinity in float32 and the run diverges.
        // TorchFit's Keras classes cast it themselves; libtorch would refuse to convert it for a float32 step (exit 1).
        double learningRate = options.Precision == Precision.Float32 ? (float)options.LearningRate : options.LearningRate;
        double mu = options.Momentum, epsilon = options.Epsilon;
        if (form.Optimizer == OptimizerKind.Sgd && !form.UsesMomentum) return optim.SGD(parameters, learningRate);
        return (form.Semantics, form.Optimizer) switch
        {
            (OptimizerSemantics.Torch, OptimizerKind.Sgd) => optim.SGD(parameters, learningRate, mu, nesterov: options.Nesterov),
            (OptimizerSemantics.Torch, OptimizerKind.Adam) => optim.Adam(parameters, learningRate, options.Beta1, options.Beta2, epsilon, amsgrad: options.Amsgrad),
            (OptimizerSemantics.Torch, OptimizerKind.Rmsprop) => optim.RMSProp(parameters, learningRate, options.Rho, epsilon, momentum: mu, centered: options.Centered),
            (OptimizerSemantics.Torch, OptimizerKind.Adagrad) => optim.Adagrad(parameters, learningRate, initial_accumulator_value: options.InitialAccumulatorValue, eps: epsilon),
            (_, OptimizerKind.Sgd) => new KerasSgd(parameters, options.LearningRate, mu, options.Nesterov),
            (_, OptimizerKind.Adam) => new KerasAdam(parameters, options.LearningRate, options.Beta1, options.Beta2, epsilon, options.Amsgrad),
            (_, OptimizerKind.Rmsprop) => new KerasRmsprop(parameters, options.LearningRate, options.Rho, mu, epsilon, options.Centered),
            _ => new KerasAdagrad(parameters, options.LearningRate, options.InitialAccumulatorValue, epsilon),
        };
    }
}
