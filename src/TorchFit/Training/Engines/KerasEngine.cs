using TorchFit.Devices;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Engines;

/// <summary>
/// The Keras mirror: <c>nn.Linear(d, 1)</c> (bias-free unless <see cref="TrainingOptions.UseBias"/>) with
/// <c>nn.MSELoss</c> and an optimizer object (<see cref="MirrorOptimizer"/>), trained the way Keras' <c>model.fit</c>
/// trains <c>Dense(1)</c>: module, autograd and optimizer, with Keras' init (the bias at 0), batching, shuffling,
/// dtype and History. One configuration at a time.
/// </summary>
internal sealed class KerasEngine : SoloEngine
{
    public override TrainingEngine Kind => TrainingEngine.Keras;

    protected override TrainingResult Run(LinearProblem problem, TrainingOptions options, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var device = EngineResolver.ResolveDevice(TrainingEngine.Keras, options.Device);
        var plan = new BatchPlan(problem.Rows, options.BatchSize);
        var dtype = options.Precision.ToScalarType();

        using var scope = NewDisposeScope();
        var fitted = ModelParameters.Problem(problem, options);   // what the per-epoch MSE is measured on: [A 1] with a bias
        var matrix = ProblemTensors.Matrix(problem, device).to(dtype);
        var target = ProblemTensors.Target(problem, device).to(dtype);

        // The shuffles and the init come from one CPU generator, so a seed means the same run on every device.
        using var generator = new Generator(options.Seed, CPU);
        using var model = nn.Linear(problem.Columns, 1, hasBias: options.UseBias, device: device, dtype: dtype);
        var initialWeights = InitialWeights.For(options, fitted.Columns, generator);
        using (no_grad())
        using (var initial = torch.tensor(initialWeights, new long[] { 1, fitted.Columns }, ScalarType.Float64))
        {
            model.weight!.copy_(initial.narrow(1, 0, problem.Columns));
            if (options.UseBias) model.bias!.copy_(initial[0, problem.Columns].reshape(1));
        }
        using var criterion = nn.MSELoss();
        using var optimizer = MirrorOptimizer.Create(model.parameters(), options);

        var log = new EpochLog(options, fitted.MeanSquaredError(initialWeights), progress);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (log.Cancelled(cancellationToken)) break;
            double historyLoss, mse;
            using (NewDisposeScope())
            {
                var order = options.Shuffle ? randperm(problem.Rows, generator: generator).to(device) : arange(problem.Rows, device: device);
                var epochMatrix = matrix.index_select(0, order);
                var epochTarget = target.index_select(0, order);
                var weightedLossSum = zeros(1, ScalarType.Float64, device);
                foreach (var (start, length) in plan.Batches)
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
                historyLoss = weightedLossSum.item<double>() / problem.Rows;
                mse = fitted.MeanSquaredError(CurrentWeights(model));
            }
            if (!log.Record(historyLoss, mse)) break;
        }
        return log.Finish(ComputeDevice.Describe(device), initialWeights, CurrentWeights(model));
    }

    /// <summary>The current (training-dtype) kernel, then the bias if there is one, widened to float64 on the host.</summary>
    internal static double[] CurrentWeights(nn.Module<Tensor, Tensor> model)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return [.. model.parameters().SelectMany(p => p.detach().to(ScalarType.Float64).cpu().data<double>().ToArray())];
    }
}
