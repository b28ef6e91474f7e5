namespace TorchFit.Training;

/// <summary>
/// Settings of a Keras-style <c>model.fit</c> run of a <c>Dense(1)</c> (bias-free unless <see cref="UseBias"/>) with
/// <c>loss="mse"</c> and one of Keras' optimizers. Vary them with <c>with</c>.
/// </summary>
/// <remarks>
/// The hyper-parameters carry Keras' names and defaults (<see cref="OptimizerDefaults"/>), whichever
/// <see cref="Semantics"/> computes them. One that does not belong to <see cref="Optimizer"/> must keep its default.
/// Constant learning rate, no weight decay, no gradient clipping: all this type allows.
/// </remarks>
public sealed record TrainingOptions
{
    private readonly double? _learningRate;

    /// <summary>Which optimizer. Keras <c>optimizer=</c>. Defaults to <see cref="OptimizerKind.Sgd"/>.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>Keras' formulas or <c>torch.optim</c>'s. Defaults to <see cref="OptimizerSemantics.Keras"/>.</summary>
    public OptimizerSemantics Semantics { get; init; } = OptimizerSemantics.Keras;

    /// <summary>Step size η. Keras <c>learning_rate</c>. Defaults to the optimizer's Keras default (<see cref="OptimizerDefaults.LearningRate"/>).</summary>
    public double LearningRate
    {
        get => _learningRate ?? OptimizerDefaults.LearningRate(Optimizer);
        init => _learningRate = value;
    }

    /// <summary>
    /// Rows per step. Keras <c>batch_size</c>. Defaults to 32. The last partial batch is kept
    /// (200 rows at 32: six batches of 32 and one of 8). A value ≥ n is full-batch gradient descent.
    /// </summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Passes over the data. Keras <c>epochs</c>. Defaults to 1.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Momentum μ in [0, 1) of SGD (heavy ball) or RMSprop. Keras <c>momentum</c>. Defaults to 0.</summary>
    public double Momentum { get; init; }

    /// <summary>Nesterov momentum of SGD (needs momentum &gt; 0). Keras <c>nesterov</c>. Defaults to false.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Adam's decay of the first moment, in [0, 1). Keras <c>beta_1</c>. Defaults to 0.9.</summary>
    public double Beta1 { get; init; } = OptimizerDefaults.Beta1;

    /// <summary>Adam's decay of the second moment, in [0, 1). Keras <c>beta_2</c>. Defaults to 0.999.</summary>
    public double Beta2 { get; init; } = OptimizerDefaults.Beta2;

    /// <summary>The ε of Adam, RMSprop and Adagrad, ≥ 0. Keras <c>epsilon</c>. Defaults to 1e-7.</summary>
    public double Epsilon { get; init; } = OptimizerDefaults.Epsilon;

    /// <summary>Adam's AMSGrad variant (the maximum of past second moments). Keras <c>amsgrad</c>. Defaults to false.</summary>
    public bool Amsgrad { get; init; }

    /// <summary>RMSprop's decay of the squared-gradient average, in [0, 1). Keras <c>rho</c>. Defaults to 0.9.</summary>
    public double Rho { get; init; } = OptimizerDefaults.Rho;

    /// <summary>Centered RMSprop (divides by an estimate of the gradient's variance). Keras <c>centered</c>. Defaults to false.</summary>
    public bool Centered { get; init; }

    /// <summary>Adagrad's starting accumulator, ≥ 0. Keras <c>initial_accumulator_value</c>. Defaults to 0.1.</summary>
    public double InitialAccumulatorValue { get; init; } = OptimizerDefaults.InitialAccumulatorValue;

    /// <summary>
    /// A bias (intercept) beside the kernel, as Keras' <c>Dense(1, use_bias=True)</c>: initialised to 0 and trained
    /// like a weight whose input is always 1. Defaults to false (the question's bias-free layer).
    /// </summary>
    public bool UseBias { get; init; }

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

    /// <summary>The bias to start from (needs <see cref="UseBias"/>). Defaults to null: 0, as Keras initialises it.</summary>
    public double? InitialBias { get; init; }

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

    /// <summary>Whether a diverged run stops there or trains every epoch as Keras does. Defaults to <see cref="DivergencePolicy.Stop"/>.</summary>
    public DivergencePolicy OnDivergence { get; init; } = DivergencePolicy.Stop;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first invalid property (<see cref="InvalidInputException.Option"/>).</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
            throw Invalid(nameof(LearningRate), $"must be a finite number > 0, got {Text.R(LearningRate)}");
        if (BatchSize < 1)
            throw Invalid(nameof(BatchSize), $"must be ≥ 1, got {BatchSize}");
        if (Epochs < 1)
            throw Invalid(nameof(Epochs), $"must be ≥ 1, got {Epochs}");
        ValidateHyperParameters();
        if (StopAtMse is double stopAt && !(stopAt > 0))
            throw Invalid(nameof(StopAtMse), $"must be > 0, got {Text.R(stopAt)}");
        if (InitialWeights is { } weights && weights.Any(w => !double.IsFinite(w)))
            throw Invalid(nameof(InitialWeights), "must be finite");
        if (InitialBias is double bias && !UseBias)
            throw Invalid(nameof(InitialBias), "needs a bias (UseBias)");
        if (InitialBias is double givenBias && !double.IsFinite(givenBias))
            throw Invalid(nameof(InitialBias), $"must be finite, got {Text.R(givenBias)}");
        if (!(DivergenceFactor > 1))
            throw Invalid(nameof(DivergenceFactor), $"must be > 1, got {Text.R(DivergenceFactor)}");
    }

    /// <summary>
    /// The optimizer's hyper-parameters: each in its range, and each that the optimizer does not use at its
    /// default (so a setting never silently does nothing).
    /// </summary>
    private void ValidateHyperParameters()
    {
        if (!(Momentum >= 0 && Momentum < 1))
            throw Invalid(nameof(Momentum), $"must be in [0, 1), got {Text.R(Momentum)}");
        if (!(Beta1 >= 0 && Beta1 < 1))
            throw Invalid(nameof(Beta1), $"must be in [0, 1), got {Text.R(Beta1)}");
        if (!(Beta2 >= 0 && Beta2 < 1))
            throw Invalid(nameof(Beta2), $"must be in [0, 1), got {Text.R(Beta2)}");
        if (!(Epsilon >= 0) || !double.IsFinite(Epsilon))
            throw Invalid(nameof(Epsilon), $"must be a finite number ≥ 0, got {Text.R(Epsilon)}");
        if (!(Rho >= 0 && Rho < 1))
            throw Invalid(nameof(Rho), $"must be in [0, 1), got {Text.R(Rho)}");
        if (!(InitialAccumulatorValue >= 0) || !double.IsFinite(InitialAccumulatorValue))
            throw Invalid(nameof(InitialAccumulatorValue), $"must be a finite number ≥ 0, got {Text.R(InitialAccumulatorValue)}");

        RequireDefault(nameof(Momentum), Momentum != 0);
        RequireDefault(nameof(Nesterov), Nesterov);
        RequireDefault(nameof(Beta1), Beta1 != OptimizerDefaults.Beta1);
        RequireDefault(nameof(Beta2), Beta2 != OptimizerDefaults.Beta2);
        RequireDefault(nameof(Amsgrad), Amsgrad);
        RequireDefault(nameof(Epsilon), Epsilon != OptimizerDefaults.Epsilon);
        RequireDefault(nameof(Rho), Rho != OptimizerDefaults.Rho);
        RequireDefault(nameof(Centered), Centered);
        RequireDefault(nameof(InitialAccumulatorValue), InitialAccumulatorValue != OptimizerDefaults.InitialAccumulatorValue);
        if (Nesterov && Momentum == 0)
            throw Invalid(nameof(Nesterov), "needs a momentum > 0");
    }

    private void RequireDefault(string property, bool set)
    {
        if (set) HyperParameters.EnsureApplies(property, Optimizer);
    }

    private static InvalidInputException Invalid(string option, string problem) => InvalidInputException.ForOption(option, problem);
}
