using TorchFit.Devices;
using TorchFit.Problems;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Engines;

/// <summary>
/// The Keras mirror: a bias-free <c>nn.Linear(d, 1)</c> with <c>nn.MSELoss</c> and <c>torch.optim.SGD</c>,
/// trained the way Keras' <c>model.fit</c> trains <c>Dense(1, use_bias=False)</c>: module, autograd and
/// optimizer, with Keras' init, batching, shuffling, dtype and History. One configuration at a time.
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
        var matrix = ProblemTensors.Matrix(problem, device).to(dtype);
        var target = ProblemTensors.Target(problem, device).to(dtype);

        // The shuffles and the init come from one CPU generator, so a seed means the same run on every device.
        using var generator = new Generator(options.Seed, CPU);
        using var model = nn.Linear(problem.Columns, 1, hasBias: false, device: device, dtype: dtype);
        var initialWeights = InitialWeights.For(options, problem.Columns, generator);
        using (no_grad())
        using (var initial = torch.tensor(initialWeights, new long[] { 1, problem.Columns }, ScalarType.Float64))
            model.weight!.copy_(initial);
        using var criterion = nn.MSELoss();
        // Keras casts the learning rate to the variables' dtype: 1e39 becomes Infinity in float32 and the run
        // diverges, where libtorch would refuse to convert it for a float32 step (exit 1).
        double learningRate = options.Precision == Precision.Float32 ? (float)options.LearningRate : options.LearningRate;
        using var optimizer = optim.SGD(model.parameters(), learningRate, options.Momentum, nesterov: options.Nesterov);

        var log = new EpochLog(options, problem.MeanSquaredError(initialWeights), progress);
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
                mse = problem.MeanSquaredError(CurrentWeights(model));
            }
            if (!log.Record(historyLoss, mse)) break;
        }
        return log.Finish(ComputeDevice.Describe(device), initialWeights, CurrentWeights(model));
    }

    /// <summary>The current (training-dtype) weights of a bias-free Linear, widened to float64 on the host.</summary>
    internal static double[] CurrentWeights(nn.Module<Tensor, Tensor> model)
    {
        using var _ = no_grad();
        using var weights = model.parameters().First().detach().to(ScalarType.Float64).cpu();
        return weights.data<double>().ToArray();
    }
}
