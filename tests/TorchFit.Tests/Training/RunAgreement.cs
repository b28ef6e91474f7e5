using TorchFit.Training;

namespace TorchFit.Tests.Training;

/// <summary>
/// How far an engine's run is from a reference run, as relative errors: per-epoch full-data MSE and History loss
/// elementwise (|x − r|/|r|, the worst epoch), the final parameters (kernel, then the bias) normwise
/// (‖x − r‖∞/‖r‖∞, so a weight near 0 does not count as a large relative error).
/// </summary>
internal sealed record RunAgreement(double FullMse, double HistoryLoss, double Parameters)
{
    /// <summary>The largest of the three.</summary>
    public double Worst => Math.Max(FullMse, Math.Max(HistoryLoss, Parameters));

    public static RunAgreement Of(KerasReference.Trajectory reference, TrainingResult run)
    {
        Assert.Equal(TrainingStop.Completed, run.Stop);
        Assert.Equal(reference.FullMse.Count, run.EpochsCompleted);
        Assert.Equal(reference.Biases.Count > 0, run.Bias is not null);
        return new(Elementwise(reference.FullMse, run.FullMse), Elementwise(reference.HistoryLoss, run.HistoryLoss),
            Normwise(Joined(reference.FinalWeights, reference.FinalBias), Joined(run.Weights, run.Bias)));
    }

    public static RunAgreement Of(TrainingResult reference, TrainingResult run)
    {
        Assert.Equal(reference.Stop, run.Stop);
        Assert.Equal(reference.EpochsCompleted, run.EpochsCompleted);
        return new(Elementwise(reference.FullMse, run.FullMse), Elementwise(reference.HistoryLoss, run.HistoryLoss),
            Normwise(Joined(reference.Weights, reference.Bias), Joined(run.Weights, run.Bias)));
    }

    public static RunAgreement Of(KerasReference.Trajectory reference, KerasReference.Trajectory run) =>
        new(Elementwise(reference.FullMse, run.FullMse), Elementwise(reference.HistoryLoss, run.HistoryLoss),
            Normwise(Joined(reference.FinalWeights, reference.FinalBias), Joined(run.FinalWeights, run.FinalBias)));

    public static double Elementwise(IReadOnlyList<double> reference, IReadOnlyList<double> values)
    {
        Assert.Equal(reference.Count, values.Count);
        return Largest(reference.Zip(values, (r, x) => Math.Abs(x - r) / Math.Abs(r)));
    }

    public static double Normwise(IReadOnlyList<double> reference, IReadOnlyList<double> values)
    {
        Assert.Equal(reference.Count, values.Count);
        return Largest(reference.Zip(values, (r, x) => Math.Abs(x - r))) / reference.Max(Math.Abs);
    }

    /// <summary>The largest error, NaN counting as infinite (LINQ's Max would rank it below every number).</summary>
    private static double Largest(IEnumerable<double> errors) =>
        errors.Select(e => double.IsNaN(e) ? double.PositiveInfinity : e).DefaultIfEmpty(0).Max();

    private static double[] Joined(IReadOnlyList<double> weights, double? bias) => bias is double b ? [.. weights, b] : [.. weights];

    public override string ToString() => $"MSE {FullMse:E1}, History {HistoryLoss:E1}, parameters {Parameters:E1}";
}
