using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit reproduce</c>.</summary>
internal sealed class ReproduceSettings : CommonSettings
{
    [CommandOption("--seed <S>")]
    [Description("Seed of both problems (NumPy-compatible), the init and the shuffles.")]
    [DefaultValue(0u)]
    public uint Seed { get; set; }

    [CommandOption("--epochs <E>")]
    [Description("The question's epoch count; the answer's second batch-32 figure is after twice this. Lower it for a quick look.")]
    [DefaultValue(10_000)]
    public int Epochs { get; set; } = 10_000;

    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Choices + " Default: fused.")]
    public string? Engine { get; set; }

    /// <summary>The parsed --engine, or null for the library's default.</summary>
    public TorchFit.Training.TrainingEngine? TrainingEngine => Engine is null ? null : EngineOption.Parse(Engine);

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful) return common;
        var engine = EngineOption.Validate(Engine);
        return engine.Successful ? OptionFlags.Check(() => TorchFit.Reproduction.QuestionCases.Create(Epochs)) : engine;
    }
}
