using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>
/// A problem plus how to compute on it: the dtype and the engine. Shared by every verb that trains on a problem;
/// each verb declares its own --engine option (<see cref="EngineText"/>), whose help states that verb's default.
/// </summary>
internal abstract class ComputeSettings : ProblemSettings
{
    [CommandOption("--dtype <DTYPE>")]
    [Description("Training dtype: float32 (Keras floatx) or float64.")]
    [DefaultValue("float32")]
    public string Dtype { get; set; } = "float32";

    /// <summary>The --engine text as given, or null (the library's default for the verb).</summary>
    protected abstract string? EngineText { get; }

    /// <summary>The parsed --dtype (valid after <see cref="Validate"/>).</summary>
    public Precision Precision => ParseDtype(Dtype)!.Value;

    /// <summary>The parsed --engine, or null for the library's default (valid after <see cref="Validate"/>).</summary>
    public TrainingEngine? TrainingEngine => EngineText is null ? null : EngineOption.Parse(EngineText);

    public override ValidationResult Validate()
    {
        var problem = base.Validate();
        if (!problem.Successful) return problem;
        if (ParseDtype(Dtype) is null) return ValidationResult.Error($"--dtype must be float32 or float64, got '{Dtype}'");
        return EngineOption.Validate(EngineText);
    }

    internal static Precision? ParseDtype(string value) => value.Trim().ToLowerInvariant() switch
    {
        "float32" or "fp32" or "single" => Precision.Float32,
        "float64" or "fp64" or "double" => Precision.Float64,
        _ => null,
    };
}
