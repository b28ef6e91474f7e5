using Spectre.Console;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>Parses and checks --engine, shared by every verb that trains.</summary>
internal static class EngineOption
{
    public const string Description = "Training engine: keras (nn.Linear + MSELoss + autograd + optim.SGD, the mirror, any device) or fused (closed-form gradient: managed SIMD on the CPU, torch ops on CUDA; same results to float rounding, ~10× faster at batch 32 on the CPU). Default: fused (train: keras).";

    /// <summary>
    /// The fastest engine proven equivalent: fused (tested against keras to 1e-10 in float64), whose
    /// torch-ops form runs on CUDA.
    /// </summary>
    public const TrainingEngine Default = TrainingEngine.Fused;

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
