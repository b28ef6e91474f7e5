using System.Numerics;
using TorchFit.Problems;
using TorchFit.Training.Batched;
using TorchFit.Training.Rules;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Engines;

/// <summary>
/// The same training as the Keras mirror without module, autograd or per-op dispatch: the closed-form
/// gradient g = (2/B)·A_Bᵀ(A_B·w − b_B) and the update rule on managed memory with SIMD on the CPU
/// (<see cref="FusedStepper{T, TRule}"/>), and in torch ops on CUDA (<see cref="TensorColumnTrainer"/>).
/// It draws the initial weights and every epoch's permutation from the same generator calls as the
/// mirror, so a seed gives the same batches. One configuration at a time.
/// </summary>
internal sealed class FusedEngine : SoloEngine
{
    public override TrainingEngine Kind => TrainingEngine.Fused;

    protected override TrainingResult Run(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var device = EngineResolver.ResolveDevice(TrainingEngine.Fused, options.Device);
        if (device.type != DeviceType.CPU) return TensorColumnTrainer.Train(problem, [options], device, progress, cancellationToken)[0];
        problem = ModelParameters.Problem(problem, options);   // [A 1] with a bias
        return options.Precision == Precision.Float64
            ? Run<double>(problem, options, progress, cancellationToken)
            : Run<float>(problem, options, progress, cancellationToken);
    }

    private static TrainingResult Run<T>(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        UpdateRules.With<T, TrainingResult, Epochs<T>>([options], ParameterTable<T>.BroadcastWidth, broadcast: true,
            new Epochs<T>(problem, options, progress, cancellationToken));

    /// <summary>The epochs of one run, compiled for its rule.</summary>
    private readonly struct Epochs<T>(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        : IRuleConsumer<T, TrainingResult>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public TrainingResult Run<TRule>(TRule rule) where TRule : struct, IUpdateRule<T>
        {
            using var generator = new Generator(options.Seed, CPU);
            var initialWeights = InitialWeights.For(options, problem.Columns, generator);
            var stepper = new FusedStepper<T, TRule>(problem, options, rule, initialWeights);
            var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress);
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                if (log.Cancelled(cancellationToken)) break;
                double history = stepper.RunEpoch(generator);
                if (!log.Record(history, problem.MeanSquaredError(stepper.Widened()))) break;
            }
            return log.Finish("cpu", initialWeights, stepper.Widened().ToArray());
        }
    }
}
