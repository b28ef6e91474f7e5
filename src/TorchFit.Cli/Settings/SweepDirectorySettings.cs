using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit plot DIR</c>.</summary>
internal sealed class PlotSettings : CommandSettings
{
    [CommandArgument(0, "<DIR>")]
    [Description("A sweep directory (holding manifest.json and results.json).")]
    public string Directory { get; set; } = "";

    public override ValidationResult Validate() => string.IsNullOrWhiteSpace(Directory)
        ? ValidationResult.Error("DIR must name a sweep directory")
        : ValidationResult.Success();
}

/// <summary>Options of <c>torchfit merge DIR... --out DIR</c>.</summary>
internal sealed class MergeSettings : CommandSettings
{
    [CommandArgument(0, "<DIRS>")]
    [Description("The shard directories of one sweep.")]
    public string[] Directories { get; set; } = [];

    [CommandOption("--out <DIR>")]
    [Description("A new directory for the merged sweep.")]
    public string? Out { get; set; }

    [CommandOption("--json")]
    [Description("Print the merged manifest and rows as JSON.")]
    public bool Json { get; set; }

    public override ValidationResult Validate() => Out is null || string.IsNullOrWhiteSpace(Out)
        ? ValidationResult.Error("--out must name a new directory for the merged sweep")
        : ValidationResult.Success();
}
