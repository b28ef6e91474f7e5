namespace TorchFit.Training;

/// <summary>
/// The engine each entry point uses when the caller names none (a null <see cref="TrainingOptions.Engine"/>).
/// The command line shows these same values in its help; it never decides them.
/// </summary>
public static class EngineDefaults
{
    /// <summary><see cref="Trainer"/> (<c>torchfit train</c>): the Keras mirror, the faithful reproduction.</summary>
    public const TrainingEngine Train = TrainingEngine.Keras;

    /// <summary><see cref="Reproduction.Reproducer"/> (<c>reproduce</c>): fused, proven equal to the mirror and ~25× faster.</summary>
    public const TrainingEngine Reproduce = TrainingEngine.Fused;

    /// <summary><see cref="Prescriptions.Solver"/> (<c>solve</c>): fused.</summary>
    public const TrainingEngine Solve = TrainingEngine.Fused;

    /// <summary><see cref="Diagnostics.PredictionVerifier"/> (<c>diagnose --verify</c>): fused.</summary>
    public const TrainingEngine Diagnose = TrainingEngine.Fused;

    /// <summary><see cref="Sweeps.SweepRunner"/> (<c>sweep</c>): batched, one pass over the data for many configurations.</summary>
    public const TrainingEngine Sweep = TrainingEngine.Batched;
}
