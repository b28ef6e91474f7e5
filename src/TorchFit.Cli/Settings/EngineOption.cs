using Spectre.Console;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>Parses and checks --engine, shared by every verb that trains.</summary>
internal static class EngineOption
{
    public const string Description = "Training engine: keras (nn.Linear + MSELoss + autograd + optim.SGD, the mirror, any device) or fused (closed-form gradient with SIMD, CPU only, same results to float rounding, ~8× faster at batch 32). Default: fused on the CPU, keras on CUDA (train: keras).";

    /// <summary>
    /// The fastest engine proven equivalent for the device: fused on the CPU (tested against keras to
    /// 1e-10 in float64), keras on CUDA, where fused does not run.
    /// </summary>
    public static TrainingEngine Default(string device) =>
        TorchFit.Devices.ComputeDevice.Resolve(device).type == TorchSharp.DeviceType.CPU ? TrainingEngine.Fused : TrainingEngine.Keras;

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
