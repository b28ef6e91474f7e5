using TorchFit.Problems;

namespace TorchFit.Tests.Training;

/// <summary>
/// Keras 3's SGD (keras/src/optimizers/sgd.py) on a bias-free Dense(1) with MSE, in managed
/// float64, rows in their original order: the independent reference the trainer is checked against.
/// </summary>
internal static class KerasReference
{
    public sealed record Epochs(List<double[]> Weights, List<double> HistoryLoss);

    public static Epochs Fit(LinearProblem problem, double[] w0, double learningRate, int batchSize, int epochs,
        double momentum = 0, bool nesterov = false)
    {
        int n = problem.Rows, d = problem.Columns;
        var a = problem.Matrix.ToArray();
        var b = problem.Target.ToArray();
        var w = (double[])w0.Clone();
        var m = new double[d];
        var result = new Epochs([], []);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            double weightedLoss = 0;
            for (int start = 0; start < n; start += batchSize)
            {
                int size = Math.Min(batchSize, n - start);
                var g = new double[d];
                double loss = 0;
                for (int i = start; i < start + size; i++)
                {
                    double r = -b[i];
                    for (int j = 0; j < d; j++) r += a[i * d + j] * w[j];
                    loss += r * r / size;
                    for (int j = 0; j < d; j++) g[j] += 2.0 / size * r * a[i * d + j];   // (2/B) Aᵀ(Aw − b)
                }
                weightedLoss += loss * size;
                for (int j = 0; j < d; j++)
                {
                    m[j] = momentum * m[j] - learningRate * g[j];                        // m ← μ·m − η·g
                    w[j] += nesterov ? momentum * m[j] - learningRate * g[j] : m[j];     // w ← w + m (Nesterov: + μ·m − η·g)
                }
            }
            result.Weights.Add((double[])w.Clone());
            result.HistoryLoss.Add(weightedLoss / n);
        }
        return result;
    }
}
