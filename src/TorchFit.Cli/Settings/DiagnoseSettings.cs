using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit diagnose</c>: a problem, the user's settings, and a target MSE.</summary>
internal sealed class DiagnoseSettings : FitSettings
{
    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Choices + " Used by --verify. Default: fused.")]
    public string? Engine { get; set; }

    protected override string? EngineText => Engine;

    /// <inheritdoc/>
    protected override ProblemWork Work => ProblemWork.Decomposition;

    [CommandOption("--target <MSE>")]
    [Description("The MSE to reach; steps and epochs to it are predicted for each setting.")]
    [DefaultValue(1e-10)]
    public double Target { get; set; } = 1e-10;

    [CommandOption("--verify")]
    [Description("Also train with these settings and plot the predicted curve over the measured one (predicted-vs-measured.png/.svg).")]
    public bool Verify { get; set; }

    public override ValidationResult Validate()
    {
        var train = base.Validate();
        if (!train.Successful) return train;
        return OptionFlags.Check(() => TorchFit.Diagnostics.Diagnoser.ValidateTarget(Target));
    }
}
