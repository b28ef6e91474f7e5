using TorchFit.Devices;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>
/// Trains a bias-free <c>nn.Linear(d, 1)</c> with <c>nn.MSELoss</c> and <c>torch.optim.SGD</c>
/// the way Keras' <c>model.fit</c> trains <c>Dense(1, use_bias=False)</c>: module, autograd and
/// optimizer, with Keras' init, batching, shuffling, dtype and History.
/// </summary>
public static class KerasTrainer
{
    /// <summary>Runs <see cref="TrainingOptions.Epochs"/> epochs on <paramref name="problem"/>.</summary>
    /// <param name="problem">The float64 problem; it is cast to the training dtype.</param>
    /// <param name="options">The fit settings (validated here).</param>
    /// <param name="progress">Told after every epoch; keep it cheap.</param>
    /// <param name="cancellationToken">Stops after the current epoch; the result keeps what ran.</param>
    public static TrainingResult Train(
        LinearProblem problem,
        TrainingOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var device = ComputeDevice.Resolve(options.Device);
        int rows = problem.Rows, epochs = options.Epochs;
        var batches = BatchPlan.For(rows, Math.Min(options.BatchSize, rows));

        using var scope = NewDisposeScope();
        var matrix = ProblemTensors.Matrix(problem, device).to(options.Precision.ToScalarType());
        var target = ProblemTensors.Target(problem, device).to(options.Precision.ToScalarType());

        // The shuffles and the init come from one CPU generator, so a seed means the same run on every device.
        var generator = new Generator(options.Seed, CPU);
        using var model = nn.Linear(problem.Columns, 1, hasBias: false, device: device, dtype: options.Precision.ToScalarType());
        var initial = options.InitialWeights is { } given
            ? StartingPoint(given, problem.Columns)
            : KernelInitializer.Draw(options.Init, problem.Columns, generator);
        using (no_grad()) model.weight!.copy_(initial);
        using var criterion = nn.MSELoss();
        using var optimizer = optim.SGD(model.parameters(), options.LearningRate, options.Momentum, nesterov: options.Nesterov);

        var initialWeights = initial.data<double>().ToArray();
        var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress);

        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            if (log.Cancelled(cancellationToken)) break;
            double historyLoss, mse;
            using (NewDisposeScope())
            {
                var order = options.Shuffle ? randperm(rows, generator: generator).to(device) : arange(rows, device: device);
                var epochMatrix = matrix.index_select(0, order);
                var epochTarget = target.index_select(0, order);
                var weightedLossSum = zeros(1, ScalarType.Float64, device);
                foreach (var (start, length) in batches)
                {
                    using var step = NewDisposeScope();
                    var batchMatrix = epochMatrix.narrow(0, start, length);
                    var batchTarget = epochTarget.narrow(0, start, length);
                    optimizer.zero_grad();
                    var prediction = model.forward(batchMatrix);
                    ShapeGuard.EnsureSameShape(prediction, batchTarget);
                    var loss = criterion.forward(prediction, batchTarget);
                    loss.backward();
                    optimizer.step();
                    // Keras' History averages the pre-update batch losses, weighted by batch size.
                    weightedLossSum.add_(loss.detach(), alpha: length);
                }
                historyLoss = weightedLossSum.item<double>() / rows;
                mse = problem.MeanSquaredError(CurrentWeights(model));
            }
            if (!log.Record(historyLoss, mse)) break;
        }
        return log.Finish(ComputeDevice.Describe(device), initialWeights, CurrentWeights(model));
    }

    /// <summary>Given starting weights as a 1×d float64 CPU tensor.</summary>
    private static Tensor StartingPoint(IReadOnlyList<double> weights, int columns)
    {
        if (weights.Count != columns)
            throw new InvalidInputException($"initial weights: expected {columns} values (one per column of A), got {weights.Count}");
        return torch.tensor(weights.ToArray(), new long[] { 1, columns }, ScalarType.Float64);
    }

    /// <summary>The current (training-dtype) weights widened to float64 on the host.</summary>
    internal static double[] CurrentWeights(nn.Module<Tensor, Tensor> model)
    {
        using var _ = no_grad();
        using var weights = model.parameters().First().detach().to(ScalarType.Float64).cpu();
        return weights.data<double>().ToArray();
    }
}
