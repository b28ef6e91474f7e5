using TorchFit.Problems;
using TorchFit.Training;
using static TorchSharp.torch;

namespace TorchFit.Tests.Training;

/// <summary>
/// Keras 3's <c>model.fit</c> of a <c>Dense(1)</c> (with a bias when <see cref="TrainingOptions.UseBias"/>) with MSE
/// and one of Keras' optimizers, replayed in managed float64: the independent reference the engines are checked
/// against. The update rules are written here from Keras' <c>update_step</c> methods (keras-team/keras,
/// keras/src/optimizers/sgd.py, adam.py, rmsprop.py, adagrad.py), not from TorchFit's rules.
/// </summary>
/// <remarks>
/// The run starts from <see cref="TrainingOptions.InitialWeights"/> (required) and <see cref="TrainingOptions.InitialBias"/>
/// (else 0, Keras' <c>zeros</c> bias initialiser). Without shuffling the batches are consecutive rows, the last one
/// partial; with it, every epoch's order is <c>randperm(n)</c> drawn from a CPU <c>torch.Generator(Seed)</c>, as the
/// engines draw it when the initial weights are given (the initialiser then draws nothing).
/// </remarks>
internal static class KerasReference
{
    /// <summary>A replayed run.</summary>
    /// <param name="Weights">The kernel after each epoch.</param>
    /// <param name="Biases">The bias after each epoch (empty without one).</param>
    /// <param name="HistoryLoss">Keras History <c>loss</c>: per epoch, the batch-size-weighted mean of the pre-update batch losses.</param>
    /// <param name="FullMse">Per epoch, the full-data MSE after the epoch.</param>
    public sealed record Trajectory(List<double[]> Weights, List<double> Biases, List<double> HistoryLoss, List<double> FullMse)
    {
        /// <summary>The final kernel.</summary>
        public double[] FinalWeights => Weights[^1];

        /// <summary>The final bias, or null without one.</summary>
        public double? FinalBias => Biases.Count > 0 ? Biases[^1] : null;
    }

    /// <summary>
    /// Replays the run; <paramref name="learningRateAt"/>, when given, is the learning rate of step t (from 1) in place
    /// of <see cref="TrainingOptions.LearningRate"/>, as a Keras schedule gives it.
    /// </summary>
    public static Trajectory Fit(LinearProblem problem, TrainingOptions options, Func<long, double>? learningRateAt = null)
    {
        if (options.InitialWeights is not { } initialWeights)
            throw new ArgumentException("the replay starts from options.InitialWeights", nameof(options));
        int n = problem.Rows, d = problem.Columns;
        // θ = the kernel, then the bias: Keras updates each variable separately, but every rule here is elementwise
        // and shares one iteration count, so one vector is the same computation.
        int p = options.UseBias ? d + 1 : d;
        var theta = new double[p];
        for (int j = 0; j < d; j++) theta[j] = initialWeights[j];
        if (options.UseBias) theta[d] = options.InitialBias ?? 0;
        var optimizer = new Optimizer(options, p, learningRateAt ?? (_ => options.LearningRate));
        var a = problem.Matrix.ToArray();
        var b = problem.Target.ToArray();
        var result = new Trajectory([], [], [], []);
        using var generator = options.Shuffle ? new Generator(options.Seed, CPU) : null;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            var order = Order(n, generator);
            double weightedLoss = 0;
            for (int start = 0; start < n; start += options.BatchSize)
            {
                int size = Math.Min(options.BatchSize, n - start);
                var g = new double[p];
                double loss = 0;
                for (int k = start; k < start + size; k++)
                {
                    int i = order[k];
                    double r = Residual(a, b, theta, i, d, options.UseBias);
                    loss += r * r / size;
                    // ∂/∂θ of (1/B)·Σ r²: (2/B)·r·a_i for the kernel, (2/B)·r for the bias
                    for (int j = 0; j < d; j++) g[j] += 2.0 / size * r * a[i * d + j];
                    if (options.UseBias) g[d] += 2.0 / size * r;
                }
                weightedLoss += loss * size;
                optimizer.Step(theta, g);
            }
            result.Weights.Add(theta[..d]);
            if (options.UseBias) result.Biases.Add(theta[d]);
            result.HistoryLoss.Add(weightedLoss / n);
            double mse = 0;
            for (int i = 0; i < n; i++)
            {
                double r = Residual(a, b, theta, i, d, options.UseBias);
                mse += r * r;
            }
            result.FullMse.Add(mse / n);
        }
        return result;
    }

    private static double Residual(double[] a, double[] b, double[] theta, int i, int d, bool bias)
    {
        double r = bias ? theta[d] - b[i] : -b[i];
        for (int j = 0; j < d; j++) r += a[i * d + j] * theta[j];
        return r;
    }

    /// <summary>One epoch's row order: 0…n−1, or <c>randperm(n)</c> from <paramref name="generator"/> when shuffling.</summary>
    internal static int[] Order(int n, Generator? generator)
    {
        if (generator is null) return [.. Enumerable.Range(0, n)];
        using var permutation = randperm(n, generator: generator);
        return [.. permutation.data<long>().ToArray().Select(i => (int)i)];
    }

    /// <summary>One Keras optimizer's state and <c>update_step</c> over a parameter vector.</summary>
    private sealed class Optimizer(TrainingOptions o, int p, Func<long, double> learningRateAt)
    {
        private readonly double[] _first = new double[p];     // SGD/RMSprop momentum, Adam m
        private readonly double[] _second = Fill(p, o.Optimizer == OptimizerKind.Adagrad ? o.InitialAccumulatorValue : 0);   // Adam v, RMSprop velocity, Adagrad accumulator
        private readonly double[] _third = new double[p];     // Adam v̂ (AMSGrad), RMSprop average gradient (centered)
        private long _iterations;                             // Keras' optimizer.iterations: steps already taken

        public void Step(double[] w, double[] g)
        {
            double eta = learningRateAt(_iterations + 1);
            switch (o.Optimizer)
            {
                case OptimizerKind.Sgd:
                    // sgd.py: without momentum w ← w − g·η; with it m ← m·μ − g·η, then w ← w + m,
                    // or (nesterov) w ← w + (m·μ − g·η) with the new m.
                    for (int j = 0; j < p; j++)
                    {
                        if (o.Momentum == 0)
                        {
                            w[j] -= g[j] * eta;
                            continue;
                        }
                        _first[j] = _first[j] * o.Momentum - g[j] * eta;
                        w[j] += o.Nesterov ? _first[j] * o.Momentum - g[j] * eta : _first[j];
                    }
                    break;
                case OptimizerKind.Adam:
                {
                    // adam.py: t = iterations + 1; α = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ); m ← m + (g − m)(1 − β₁);
                    // v ← v + (g² − v)(1 − β₂); amsgrad: v̂ ← max(v̂, v), used in place of v; w ← w − (m·α)/(√v + ε).
                    double t = _iterations + 1;
                    double alpha = eta * Math.Sqrt(1 - Math.Pow(o.Beta2, t)) / (1 - Math.Pow(o.Beta1, t));
                    for (int j = 0; j < p; j++)
                    {
                        _first[j] += (g[j] - _first[j]) * (1 - o.Beta1);
                        _second[j] += (g[j] * g[j] - _second[j]) * (1 - o.Beta2);
                        double v = _second[j];
                        if (o.Amsgrad) v = _third[j] = Math.Max(_third[j], v);
                        w[j] -= _first[j] * alpha / (Math.Sqrt(v) + o.Epsilon);
                    }
                    break;
                }
                case OptimizerKind.Rmsprop:
                    // rmsprop.py: v ← ρ·v + (1 − ρ)·g²; centered: ḡ ← ρ·ḡ + (1 − ρ)·g and D = v − ḡ² + ε, else D = v + ε;
                    // Δ = η·g/√D; momentum > 0: m ← μ·m + Δ, w ← w − m; else w ← w − Δ.
                    for (int j = 0; j < p; j++)
                    {
                        _second[j] = o.Rho * _second[j] + (1 - o.Rho) * g[j] * g[j];
                        double denominator = _second[j] + o.Epsilon;
                        if (o.Centered)
                        {
                            _third[j] = o.Rho * _third[j] + (1 - o.Rho) * g[j];
                            denominator = _second[j] - _third[j] * _third[j] + o.Epsilon;
                        }
                        double increment = eta * g[j] / Math.Sqrt(denominator);
                        if (o.Momentum > 0)
                        {
                            _first[j] = o.Momentum * _first[j] + increment;
                            w[j] -= _first[j];
                        }
                        else w[j] -= increment;
                    }
                    break;
                case OptimizerKind.Adagrad:
                    // adagrad.py: acc (starts at initial_accumulator_value) ← acc + g²; w ← w − η·g/√(acc + ε).
                    for (int j = 0; j < p; j++)
                    {
                        _second[j] += g[j] * g[j];
                        w[j] -= eta * g[j] / Math.Sqrt(_second[j] + o.Epsilon);
                    }
                    break;
                default:
                    throw new InvalidOperationException($"no Keras replay for {o.Optimizer}");
            }
            _iterations++;
        }

        private static double[] Fill(int length, double value)
        {
            var array = new double[length];
            Array.Fill(array, value);
            return array;
        }
    }
}
