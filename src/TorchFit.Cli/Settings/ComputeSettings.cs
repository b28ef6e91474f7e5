using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>A problem plus how to compute on it: the dtype and the engine. Shared by every verb that trains on a problem.</summary>
internal class ComputeSettings : ProblemSettings
{
    [CommandOption("--dtype <DTYPE>")]
    [Description("Training dtype: float32 (Keras floatx) or float64.")]
    [DefaultValue("float32")]
    public string Dtype { get; set; } = "float32";

    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Description)]
    public string? Engine { get; set; }

    /// <summary>The engine when --engine is not given (see <see cref="EngineOption.Default"/>).</summary>
    protected virtual TrainingEngine? PreferredEngine => null;

    /// <summary>The parsed --dtype (valid after <see cref="Validate"/>).</summary>
    public Precision Precision => ParseDtype(Dtype)!.Value;

    /// <summary>The parsed --engine (valid after <see cref="Validate"/>).</summary>
    public TrainingEngine TrainingEngine => Engine is null ? PreferredEngine ?? EngineOption.Default : EngineOption.Parse(Engine)!.Value;

    public override ValidationResult Validate()
    {
        var problem = base.Validate();
        if (!problem.Successful) return problem;
        if (ParseDtype(Dtype) is null) return ValidationResult.Error($"--dtype must be float32 or float64, got '{Dtype}'");
        return Engine is null ? ValidationResult.Success() : EngineOption.Validate(Engine);
    }

    internal static Precision? ParseDtype(string value) => value.Trim().ToLowerInvariant() switch
    {
        "float32" or "fp32" or "single" => Precision.Float32,
        "float64" or "fp64" or "double" => Precision.Float64,
        _ => null,
    };
}
