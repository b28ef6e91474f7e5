namespace TorchFit.Reproduction;

/// <summary>One row of the question's experiment, with the figure the question reported.</summary>
/// <param name="Name">Short label, e.g. "200×300 SGD batch 32, 10,000 epochs".</param>
/// <param name="Rows">n.</param>
/// <param name="Columns">d.</param>
/// <param name="Method">Closed form or SGD.</param>
/// <param name="BatchSize">SGD batch size (n for full batch); 0 for lstsq.</param>
/// <param name="Epochs">SGD epochs; 0 for lstsq.</param>
/// <param name="LearningRate">SGD learning rate; 0 for lstsq.</param>
/// <param name="Momentum">SGD momentum.</param>
/// <param name="ReportedMse">The MSE the question (or its accepted answer) printed.</param>
/// <param name="ReportedBy">Who printed it: "NumPy", "Keras", "Keras (answer)".</param>
public sealed record ReproductionCase(
    string Name,
    int Rows,
    int Columns,
    CaseMethod Method,
    int BatchSize,
    int Epochs,
    double LearningRate,
    double Momentum,
    double ReportedMse,
    string ReportedBy)
{
    /// <summary>
    /// SGD cases with the same problem and settings share one run: a longer case continues the
    /// shorter one, as the answer's "10,000 more epochs" did.
    /// </summary>
    internal (int, int, int, double, double) RunKey => (Rows, Columns, BatchSize, LearningRate, Momentum);
}
