namespace TorchFit.Training;

/// <summary>
/// Settings of a Keras-style <c>model.fit</c> run of a bias-free <c>Dense(1)</c> with
/// <c>loss="mse"</c> and <c>SGD</c>. Vary them with <c>with</c>.
/// </summary>
/// <remarks>
/// Keras 3 SGD: m ← μ·m − η·g; w ← w + m (Nesterov: w ← w + μ·m − η·g). TorchSharp's SGD keeps
/// buf = −m/η and gives the same trajectory for a constant learning rate, no dampening and no
/// weight decay, which is all this type allows.
/// </remarks>
public sealed record TrainingOptions
{
    /// <summary>Step size η. Keras <c>learning_rate</c>. Defaults to 0.01.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>
    /// Rows per step. Keras <c>batch_size</c>. Defaults to 32. The last partial batch is kept
    /// (200 rows at 32: six batches of 32 and one of 8). A value ≥ n is full-batch gradient descent.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Passes over the data. Keras <c>epochs</c>. Defaults to 1.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Heavy-ball momentum μ in [0, 1). Keras <c>momentum</c>. Defaults to 0.</summary>
    public double Momentum { get; init; }

    /// <summary>Nesterov momentum (needs momentum &gt; 0). Keras <c>nesterov</c>. Defaults to false.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Kernel initialiser. Defaults to <see cref="WeightInit.Glorot"/>, as Keras' Dense.</summary>
    public WeightInit Init { get; init; } = WeightInit.Glorot;

    /// <summary>Training dtype. Defaults to <see cref="Precision.Float32"/>, Keras' floatx.</summary>
    public Precision Precision { get; init; } = Precision.Float32;

    /// <summary>A fresh permutation of all rows every epoch. Keras <c>shuffle</c>. Defaults to true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the initial weights and of the shuffles. Defaults to 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Device name: auto, cpu, cuda, cuda:N. Defaults to "auto" (CUDA when available).</summary>
    public string Device { get; init; } = "auto";

    /// <summary>
    /// The engine that computes the run. Defaults to null: the entry point's own default
    /// (<see cref="EngineDefaults"/>; <see cref="Trainer"/> runs <see cref="EngineDefaults.Train"/>, the Keras mirror).
    /// </summary>
    public TrainingEngine? Engine { get; init; }

    /// <summary>
    /// Weights to start from instead of drawing them with <see cref="Init"/> (d values), as Keras
    /// continues when the model is compiled again with a new optimizer and fitted again: the
    /// weights carry over, the optimizer state (momentum) starts afresh. Defaults to null.
    /// </summary>
    public IReadOnlyList<double>? InitialWeights { get; init; }

    /// <summary>
    /// Stop after the first epoch whose full-data MSE is ≤ this value (Keras EarlyStopping-like).
    /// Defaults to null: run every epoch.
    /// </summary>
    public double? StopAtMse { get; init; }

    /// <summary>
    /// A run counts as diverged when the full-data MSE exceeds this multiple of its starting
    /// value (or becomes NaN/Inf). Defaults to 1e8.
    /// </summary>
    public double DivergenceFactor { get; init; } = 1e8;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first invalid property (<see cref="InvalidInputException.Option"/>).</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw Invalid(nameof(LearningRate), $"must be a finite number > 0, got {Text.R(LearningRate)}");
        if (BatchSize < 1)
            throw Invalid(nameof(BatchSize), $"must be ≥ 1, got {BatchSize}");
        if (Epochs < 1)
            throw Invalid(nameof(Epochs), $"must be ≥ 1, got {Epochs}");
        if (!(Momentum >= 0 && Momentum < 1))
            throw Invalid(nameof(Momentum), $"must be in [0, 1), got {Text.R(Momentum)}");
        if (Nesterov && Momentum == 0)
            throw Invalid(nameof(Nesterov), "needs a momentum > 0");
        if (StopAtMse is double stopAt && !(stopAt > 0))
            throw Invalid(nameof(StopAtMse), $"must be > 0, got {Text.R(stopAt)}");
        if (InitialWeights is { } weights && weights.Any(w => !double.IsFinite(w)))
            throw Invalid(nameof(InitialWeights), "must be finite");
        if (!(DivergenceFactor > 1))
            throw Invalid(nameof(DivergenceFactor), $"must be > 1, got {Text.R(DivergenceFactor)}");
    }

    private static InvalidInputException Invalid(string option, string problem) => InvalidInputException.ForOption(option, problem);
}
