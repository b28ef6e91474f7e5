using System.Numerics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Training.Batched;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The same training as <see cref="KerasTrainer"/> without module, autograd or per-op dispatch:
/// the closed-form gradient g = (2/B)·A_Bᵀ(A_B·w − b_B) and SGD's update on managed memory with
/// SIMD on the CPU, and in torch ops on CUDA (<see cref="TensorColumnTrainer"/>). It draws the initial weights and every epoch's permutation from the same
/// generator calls as <see cref="KerasTrainer"/>, so a seed gives the same batches.
/// </summary>
public static class FusedTrainer
{
    /// <summary>
    /// Runs the epochs of <paramref name="options"/> (see <see cref="KerasTrainer.Train"/>): device "auto"
    /// and "cpu" run the managed kernels, an explicit CUDA device runs the same steps in torch ops.
    /// </summary>
    public static TrainingResult Train(
        LinearProblem problem,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        // "auto" means the CPU here: the managed kernels beat per-op dispatch on problems this engine is for.
        // An explicit CUDA device gets the same maths in torch ops.
        bool auto = options.Device.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);
        var device = auto ? CPU : ComputeDevice.Resolve(options.Device);
        if (device.type != DeviceType.CPU)
            return TensorColumnTrainer.Train(problem, [options], device, progress, cancellationToken)[0];
        return options.Precision == Precision.Float64
            ? Run<double>(problem, options, progress, cancellationToken)
            : Run<float>(problem, options, progress, cancellationToken);
    }

    private static TrainingResult Run<T>(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = problem.Rows, d = problem.Columns, epochs = options.Epochs;
        var generator = new Generator(options.Seed, CPU);
        double[] initialWeights;
        if (options.InitialWeights is { } given)
        {
            if (given.Count != d) throw new InvalidInputException($"initial weights: expected {d} values (one per column of A), got {given.Count}");
            initialWeights = [.. given];
        }
        else
        {
            using var scope = NewDisposeScope();
            initialWeights = KernelInitializer.Draw(options.Init, d, generator).data<double>().ToArray();
        }

        var stepper = new FusedStepper<T>(problem, options, initialWeights);
        var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            if (log.Cancelled(cancellationToken)) break;
            double history = stepper.RunEpoch(generator);
            if (!log.Record(history, problem.MeanSquaredError(stepper.Widened()))) break;
        }
        return log.Finish("cpu", initialWeights, stepper.Widened().ToArray());
    }
}
