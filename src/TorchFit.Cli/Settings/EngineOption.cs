using Spectre.Console;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>
/// Parses and checks --engine for every verb that trains. A verb given no --engine passes null to the
/// library, whose <see cref="EngineDefaults"/> decide; the help text only repeats that default (a test holds
/// each verb's text to the library's value).
/// </summary>
internal static class EngineOption
{
    /// <summary>What the engines are, for the help text (each verb appends its default).</summary>
    public const string Choices = "Training engine: keras (nn.Linear + MSELoss + autograd + an optimizer object: the Keras mirror, any device), "
        + "fused (closed-form gradient and the same update on managed SIMD buffers, torch ops on CUDA; ~25× faster at batch 32 on the CPU) "
        + "or batched (fused for many configurations at once). All give the same results to float rounding.";

    public static TrainingEngine? Parse(string value) => EnumChoice.Parse<TrainingEngine>(value);

    public static ValidationResult Validate(string? value) => EnumChoice.Validate<TrainingEngine>("--engine", value);

    /// <summary>The name the command line uses: "keras", "fused", "batched".</summary>
    public static string Name(TrainingEngine engine) => EnumChoice.Name(engine);
}
