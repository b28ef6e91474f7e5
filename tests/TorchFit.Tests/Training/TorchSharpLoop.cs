using TorchFit.Problems;
using TorchFit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchFit.Tests.Training;

/// <summary>
/// The same <c>model.fit</c> as <see cref="KerasReference"/>, written as a plain TorchSharp program: a float64
/// <c>nn.Sequential(nn.Linear(d, 1))</c>, <c>nn.MSELoss</c> and any optimizer object (<see cref="TorchOptim"/>: the
/// <c>torch.optim</c> class with the options' values, what <see cref="OptimizerSemantics.Torch"/> promises to equal),
/// stepped with <c>zero_grad</c>, <c>backward</c>, <c>step</c> over the same batches from the same start.
/// </summary>
internal static class TorchSharpLoop
{
    /// <summary>
    /// Trains with the optimizer <paramref name="create"/> makes for the model's parameters (and disposes it);
    /// <paramref name="afterStep"/> sees it after every step.
    /// </summary>
    public static KerasReference.Trajectory Fit(LinearProblem problem, TrainingOptions options,
        Func<IEnumerable<Parameter>, TrainingOptions, optim.Optimizer> create, Action<optim.Optimizer, int>? afterStep = null)
    {
        if (options.InitialWeights is not { } initialWeights)
            throw new ArgumentException("the reference starts from options.InitialWeights", nameof(options));
        int n = problem.Rows, d = problem.Columns;
        using var scope = NewDisposeScope();
        var matrix = tensor(problem.Matrix.ToArray(), [n, d], ScalarType.Float64);
        var target = tensor(problem.Target.ToArray(), [n, 1], ScalarType.Float64);
        var dense = nn.Linear(d, 1, hasBias: options.UseBias, dtype: ScalarType.Float64);
        using var model = nn.Sequential(("dense", dense));
        using (no_grad())
        {
            dense.weight!.copy_(tensor(initialWeights.ToArray(), [1, d], ScalarType.Float64));
            if (options.UseBias) dense.bias!.fill_(options.InitialBias ?? 0);
        }
        using var criterion = nn.MSELoss();
        using var optimizer = create(model.parameters(), options);
        int steps = 0;
        using var generator = options.Shuffle ? new Generator(options.Seed, CPU) : null;
        var fitted = ModelParameters.Problem(problem, options);
        var result = new KerasReference.Trajectory([], [], [], []);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = KerasReference.Order(n, generator);
            double weightedLoss = 0;
            for (int start = 0; start < n; start += options.BatchSize)
            {
                using var step = NewDisposeScope();
                int size = Math.Min(options.BatchSize, n - start);
                var rows = tensor(order[start..(start + size)].Select(i => (long)i).ToArray());
                optimizer.zero_grad();
                var loss = criterion.forward(model.forward(matrix.index_select(0, rows)), target.index_select(0, rows));
                loss.backward();
                optimizer.step();
                afterStep?.Invoke(optimizer, ++steps);
                weightedLoss += loss.item<double>() * size;
            }
            double[] weights, parameters;
            using (no_grad())
            {
                weights = dense.weight!.data<double>().ToArray();
                parameters = options.UseBias ? [.. weights, dense.bias!.item<double>()] : weights;
            }
            result.Weights.Add(weights);
            if (options.UseBias) result.Biases.Add(parameters[^1]);
            result.HistoryLoss.Add(weightedLoss / n);
            result.FullMse.Add(fitted.MeanSquaredError(parameters));
        }
        return result;
    }

    /// <summary>The <c>torch.optim</c> class of the optimizer, given the options' values as they are.</summary>
    public static optim.Optimizer TorchOptim(IEnumerable<Parameter> parameters, TrainingOptions o) => o.Optimizer switch
    {
        OptimizerKind.Sgd => optim.SGD(parameters, o.LearningRate, momentum: o.Momentum, nesterov: o.Nesterov),
        OptimizerKind.Adam => optim.Adam(parameters, lr: o.LearningRate, beta1: o.Beta1, beta2: o.Beta2, eps: o.Epsilon, amsgrad: o.Amsgrad),
        OptimizerKind.Rmsprop => optim.RMSProp(parameters, lr: o.LearningRate, alpha: o.Rho, eps: o.Epsilon, momentum: o.Momentum, centered: o.Centered),
        OptimizerKind.Adagrad => optim.Adagrad(parameters, lr: o.LearningRate, initial_accumulator_value: o.InitialAccumulatorValue, eps: o.Epsilon),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Optimizer, "no torch.optim class for this optimizer"),
    };
}
