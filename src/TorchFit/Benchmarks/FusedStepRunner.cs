using TorchFit.Problems;
using TorchFit.Training;
using TorchFit.Training.Rules;
using static TorchSharp.torch;

namespace TorchFit.Benchmarks;

/// <summary>
/// The fused engine's float32 steps with nothing around them (no per-epoch MSE, no history), for
/// timing the step itself: what <see cref="StepBenchmark.FusedSteps"/> and the BenchmarkDotNet suite run.
/// </summary>
public sealed class FusedStepRunner : IDisposable
{
    private readonly FusedStepper<float, SgdRule<float, WithoutMomentum>> _stepper;
    private readonly Generator _generator = new(0, CPU);

    /// <summary>Plain SGD at a tiny learning rate (so long runs stay finite) with Keras' init and shuffling.</summary>
    public FusedStepRunner(LinearProblem problem, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var options = new TrainingOptions { BatchSize = batchSize, Device = "cpu", LearningRate = 1e-6 };
        _stepper = new FusedStepper<float, SgdRule<float, WithoutMomentum>>(problem, options, new SgdRule<float, WithoutMomentum>([options], ParameterTable<float>.BroadcastWidth, broadcast: true),
            KernelInitializer.InitialWeights(options.Init, problem.Columns, 0));
    }

    /// <summary>Steps in one epoch: ⌈n/B⌉.</summary>
    public int StepsPerEpoch => _stepper.StepsPerEpoch;

    /// <summary>Shuffles and runs one epoch of steps; returns its History loss.</summary>
    public double RunEpoch() => _stepper.RunEpoch(_generator);

    /// <summary>Releases the shuffle generator.</summary>
    public void Dispose() => _generator.Dispose();
}
