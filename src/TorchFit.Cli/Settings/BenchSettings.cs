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

    [CommandOption("--force")]
    [Description("Clear --out first when it holds an earlier run of another verb.")]
    public bool Force { get; set; }

    [CommandOption("--large <NxD>")]
    [Description("The large problem for the arithmetic-bound case (fused steps beside a streaming GEMV), e.g. 4000x6000; none to skip.")]
    [DefaultValue("4000x6000")]
    public string Large { get; set; } = "4000x6000";

    [CommandOption("--json")]
    [Description("Print bench.json on stdout instead of the table.")]
    public bool Json { get; set; }

    public override ValidationResult Validate()
    {
        if (Epochs < 4) return ValidationResult.Error($"--epochs must be ≥ 4, got {Epochs}");
        if (Large.Trim().Equals("none", StringComparison.OrdinalIgnoreCase)) return ValidationResult.Success();
        if (ParseLarge(Large) is not { } size) return ValidationResult.Error($"--large must be NxD (e.g. 4000x6000) or none, got '{Large}'");
        if (size.Rows < 32) return ValidationResult.Error($"--large needs at least 32 rows (one batch), got {size.Rows}");
        if ((long)size.Rows * size.Columns > TorchFit.Problems.ProblemGenerator.MaxEntries)
            return ValidationResult.Error($"--large {Large} has {(long)size.Rows * size.Columns:N0} entries; the limit is {TorchFit.Problems.ProblemGenerator.MaxEntries:N0}");
        return ValidationResult.Success();
    }

    /// <summary>The large problem's size, or null for none.</summary>
    public (int Rows, int Columns)? LargeSize => ParseLarge(Large);

    private static (int Rows, int Columns)? ParseLarge(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('x', '×');
        return parts.Length == 2 && int.TryParse(parts[0], out int n) && int.TryParse(parts[1], out int d) && n > 0 && d > 0 ? (n, d) : null;
    }
}
