using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Training.Engines;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// Full-batch <c>torch.optim.LBFGS</c> on the same bias-free Linear + MSELoss model: a comparison for the SGD
/// prescriptions, not an SGD engine. One epoch is one <c>step(closure)</c> of up to <c>iterationsPerEpoch</c> iterations.
/// </summary>
public static class LbfgsTrainer
{
    /// <summary>
    /// Runs up to <see cref="TrainingOptions.Epochs"/> LBFGS steps with step size <see cref="TrainingOptions.LearningRate"/>
    /// (use 1: TorchSharp's LBFGS has no line search) from the initial weights every engine draws for the seed. Batch
    /// size, momentum and shuffling do not apply.
    /// </summary>
    /// <param name="problem">The float64 problem; it is cast to the training dtype.</param>
    /// <param name="options">Epochs, learning rate, dtype, seed, init, device, target and divergence bound.</param>
    /// <param name="iterationsPerEpoch">LBFGS <c>max_iter</c> per step. Defaults to 20 (PyTorch's default).</param>
    /// <param name="history">LBFGS <c>history_size</c>. Defaults to 100.</param>
    /// <param name="progress">Told after every epoch.</param>
    /// <param name="cancellationToken">Stops after the current epoch; the result keeps what ran.</param>
    public static TrainingResult Train(
        LinearProblem problem,
        TrainingOptions options,
        int iterationsPerEpoch = 20,
        int history = 100,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var device = EngineResolver.ResolveDevice(TrainingEngine.Keras, options.Device);
        var dtype = options.Precision.ToScalarType();
        using var scope = NewDisposeScope();
        var matrix = ProblemTensors.Matrix(problem, device).to(dtype);
        var target = ProblemTensors.Target(problem, device).to(dtype);
        using var model = nn.Linear(problem.Columns, 1, hasBias: false, device: device, dtype: dtype);
        using var generator = new Generator(options.Seed, CPU);
        var initialWeights = InitialWeights.For(options, problem.Columns, generator);
        using (no_grad())
        using (var initial = tensor(initialWeights, new long[] { 1, problem.Columns }, ScalarType.Float64))
            model.weight!.copy_(initial);
        using var criterion = nn.MSELoss();
        // Tolerances at zero: stop on the epoch budget or the target, not on LBFGS' own tests.
        using var optimizer = optim.LBFGS(model.parameters(), options.LearningRate, iterationsPerEpoch, null, 0, 0, history);

        var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress);
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
            if (!log.Record(historyLoss, problem.MeanSquaredError(KerasEngine.CurrentWeights(model)))) break;
        }
        return log.Finish(ComputeDevice.Describe(device), initialWeights, KerasEngine.CurrentWeights(model));
    }
}
