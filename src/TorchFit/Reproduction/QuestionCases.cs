namespace TorchFit.Reproduction;

/// <summary>
/// The experiment of the question "Keras fails to find solution to linear convex problem":
/// its cases and the figures it reported.
/// </summary>
public static class QuestionCases
{
    /// <summary>The question's learning rate: <c>SGD(learning_rate=0.01)</c>.</summary>
    public const double LearningRate = 0.01;

    /// <summary>
    /// The six cases. <paramref name="epochs"/> is the question's 10,000; the answer's second
    /// batch-32 figure is after twice that. Smaller values make a quick version (tests).
    /// </summary>
    public static IReadOnlyList<ReproductionCase> Create(int epochs = 10_000)
    {
        if (epochs < 1) throw InvalidInputException.ForOption("Epochs", $"must be ≥ 1, got {epochs}");
        string e1 = epochs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        string e2 = (2 * epochs).ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("2×3 lstsq", 2, 3, CaseMethod.LeastSquares, 0, 0, 0, 0, 6.162975822039155e-33, "NumPy"),
            new($"2×3 SGD full batch, {e1} epochs", 2, 3, CaseMethod.Sgd, 2, epochs, LearningRate, 0, 1.3108133821545518e-10, "Keras"),
            new("200×300 lstsq", 200, 300, CaseMethod.LeastSquares, 0, 0, 0, 0, 1.4348640308871558e-30, "NumPy"),
            new($"200×300 SGD full batch, {e1} epochs", 200, 300, CaseMethod.Sgd, 200, epochs, LearningRate, 0, 0.0001953624326696054, "Keras"),
            new($"200×300 SGD batch 32, {e1} epochs", 200, 300, CaseMethod.Sgd, 32, epochs, LearningRate, 0, 1.9258555439788135e-10, "Keras (answer)"),
            new($"200×300 SGD batch 32, {e2} epochs", 200, 300, CaseMethod.Sgd, 32, 2 * epochs, LearningRate, 0, 1.2521153241468356e-13, "Keras (answer)"),
        ];
    }
}
