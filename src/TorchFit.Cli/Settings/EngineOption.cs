using Spectre.Console;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>Parses and checks --engine, shared by every verb that trains.</summary>
internal static class EngineOption
{
    public const string Description = "Training engine: keras (nn.Linear + MSELoss + autograd + optim.SGD, the mirror, any device) or fused (closed-form gradient with SIMD, CPU only, same results, ~8× faster at batch 32).";

    public static TrainingEngine? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "keras" => TrainingEngine.Keras,
        "fused" => TrainingEngine.Fused,
        _ => null,
    };

    public static ValidationResult Validate(string value) => Parse(value) is null
        ? ValidationResult.Error($"--engine must be keras or fused, got '{value}'")
        : ValidationResult.Success();
}
