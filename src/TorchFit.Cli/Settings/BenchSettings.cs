using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit bench</c>.</summary>
internal sealed class BenchSettings : CommandSettings
{
    [CommandOption("--epochs <E>")]
    [Description("Timed epochs per engine and batch size (after a warm-up of a quarter as many).")]
    [DefaultValue(2_000)]
    public int Epochs { get; set; } = 2_000;

    [CommandOption("--out <DIR>")]
    [Description("Directory for bench.json. Defaults to results/bench.")]
    public string? Out { get; set; }

    [CommandOption("--json")]
    [Description("Print bench.json on stdout instead of the table.")]
    public bool Json { get; set; }

    public override ValidationResult Validate() =>
        Epochs < 4 ? ValidationResult.Error($"--epochs must be ≥ 4, got {Epochs}") : ValidationResult.Success();
}
