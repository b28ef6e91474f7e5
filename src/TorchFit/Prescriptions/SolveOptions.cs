using TorchFit.Training;

namespace TorchFit.Prescriptions;

/// <summary>What <see cref="Solver"/> aims for and how much it may spend.</summary>
public sealed record SolveOptions
{
    /// <summary>The full-data MSE to reach. Defaults to 1e-10, the question's wish.</summary>
    public double Target { get; init; } = 1e-10;

    /// <summary>Training dtype. Defaults to float32, as the user trains.</summary>
    public Precision Precision { get; init; } = Precision.Float32;

    /// <summary>Epoch budget of the prescribed schedule. Defaults to 3,000.</summary>
    public int MaxEpochs { get; init; } = 3_000;

    /// <summary>Epochs for the question's settings shown beside it (0 skips them). Defaults to 10,000.</summary>
    public int ComparisonEpochs { get; init; } = 10_000;

    /// <summary>LBFGS steps for its comparison row (0 skips it). Defaults to 200.</summary>
    public int LbfgsEpochs { get; init; } = 200;

    /// <summary>Seed of the initial weights and shuffles. Defaults to 0.</summary>
    public ulong Seed { get; init; }

    /// <summary>Initial weights. Defaults to glorot, as Keras.</summary>
    public WeightInit Init { get; init; } = WeightInit.Glorot;

    /// <summary>Training engine for the SGD runs. Defaults to null: <see cref="EngineDefaults.Solve"/> (fused).</summary>
    public TrainingEngine? Engine { get; init; }

    /// <summary>
    /// Whose momentum formula the heavy-ball phase computes: Keras' (m ← m·μ − g·η; w ← w + m) or PyTorch's (buf ← μ·buf + g;
    /// w ← w − η·buf). The same in exact arithmetic; in float32 the roundings, which momentum near 1 amplifies, differ.
    /// Defaults to <see cref="OptimizerSemantics.Keras"/>.
    /// </summary>
    public OptimizerSemantics Semantics { get; init; } = OptimizerSemantics.Keras;

    /// <summary>Device name. Defaults to "auto".</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first invalid property (<see cref="InvalidInputException.Option"/>).</summary>
    public void Validate()
    {
        if (!(Target > 0) || !double.IsFinite(Target)) throw InvalidInputException.ForOption(nameof(Target), $"must be a finite MSE > 0, got {Text.R(Target)}");
        if (MaxEpochs < 2) throw InvalidInputException.ForOption(nameof(MaxEpochs), $"must be ≥ 2, got {MaxEpochs}");
        if (ComparisonEpochs < 0) throw InvalidInputException.ForOption(nameof(ComparisonEpochs), $"must be ≥ 0, got {ComparisonEpochs}");
        if (LbfgsEpochs < 0) throw InvalidInputException.ForOption(nameof(LbfgsEpochs), $"must be ≥ 0, got {LbfgsEpochs}");
    }
}
