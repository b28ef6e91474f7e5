using TorchFit.Devices;
using TorchFit.Problems;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// Full-batch <c>torch.optim.LBFGS</c> on the same bias-free Linear + MSELoss model: a comparison
/// for the SGD prescriptions. One epoch is one <c>step(closure)</c> of up to
/// <paramref name="IterationsPerEpoch"/> iterations.
/// </summary>
/// <param name="IterationsPerEpoch">LBFGS <c>max_iter</c> per step. Defaults to 20 (PyTorch's default).</param>
/// <param name="History">LBFGS <c>history_size</c>. Defaults to 100.</param>
public sealed record LbfgsTrainer(int IterationsPerEpoch = 20, int History = 100)
{
    /// <summary>
    /// Runs up to <see cref="TrainingOptions.Epochs"/> LBFGS steps with step size
    /// <see cref="TrainingOptions.LearningRate"/> (use 1: TorchSharp's LBFGS has no line search)
    /// from the same initial weights <see cref="KerasTrainer"/> draws. Batch size, momentum and
    /// shuffling do not apply.
    /// </summary>
    public TrainingResult Train(LinearProblem problem, TrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var device = ComputeDevice.Resolve(options.Device);
        var dtype = options.Precision.ToScalarType();
        using var scope = NewDisposeScope();
        var matrix = ProblemTensors.Matrix(problem, device).to(dtype);
        var target = ProblemTensors.Target(problem, device).to(dtype);
        using var model = nn.Linear(problem.Columns, 1, hasBias: false, device: device, dtype: dtype);
        var initial = KernelInitializer.Draw(options.Init, problem.Columns, new Generator(options.Seed, CPU));
        using (no_grad()) model.weight!.copy_(initial);
        using var criterion = nn.MSELoss();
        // Tolerances at zero: stop on the epoch budget or the target, not on LBFGS' own tests.
        using var optimizer = optim.LBFGS(model.parameters(), options.LearningRate, IterationsPerEpoch, null, 0, 0, History);

        var initialWeights = initial.data<double>().ToArray();
        var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress: null);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (log.Cancelled(cancellationToken)) break;
            double historyLoss;
            using (NewDisposeScope())
            {
                var loss = optimizer.step(() =>
                {
                    optimizer.zero_grad();
                    var value = criterion.forward(model.forward(matrix), target);
                    value.backward();
                    return value;
                });
                historyLoss = loss.to(ScalarType.Float64).item<double>();
            }
            if (!log.Record(historyLoss, problem.MeanSquaredError(KerasTrainer.CurrentWeights(model)))) break;
        }
        return log.Finish(ComputeDevice.Describe(device), initialWeights, KerasTrainer.CurrentWeights(model));
    }
}
