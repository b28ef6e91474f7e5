using System.Numerics;
using TorchFit.Devices;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// The same training as <see cref="KerasTrainer"/> without module, autograd or per-op dispatch:
/// the closed-form gradient g = (2/B)·A_Bᵀ(A_B·w − b_B) and SGD's update on managed memory with
/// SIMD. CPU only. It draws the initial weights and every epoch's permutation from the same
/// generator calls as <see cref="KerasTrainer"/>, so a seed gives the same batches.
/// </summary>
public static class FusedTrainer
{
    /// <summary>
    /// Runs the epochs of <paramref name="options"/> (see <see cref="KerasTrainer.Train"/>) on the CPU;
    /// device "auto" runs on the CPU, an explicit CUDA device is refused.
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
        // "auto" means the CPU here; only an explicit CUDA request is refused.
        bool auto = options.Device.Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);
        if (!auto && ComputeDevice.Resolve(options.Device).type != DeviceType.CPU)
            throw new InvalidInputException($"device '{options.Device}': the fused engine runs on the CPU only; use --engine keras on CUDA");
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
            if (!log.Record(history, problem.MeanSquaredError(stepper.WidenedWeights()))) break;
        }
        return log.Finish("cpu", initialWeights, stepper.WidenedWeights());
    }
}
