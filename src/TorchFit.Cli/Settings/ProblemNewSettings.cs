using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit problem new</c>.</summary>
internal sealed class ProblemNewSettings : CommandSettings
{
    [CommandOption("-n|--rows <N>")]
    [Description("Rows of A. --n is accepted too.")]
    [DefaultValue(ProblemSettings.DefaultRows)]
    public int Rows { get; set; } = ProblemSettings.DefaultRows;

    [CommandOption("-d|--cols <D>")]
    [Description("Columns of A. --d is accepted too.")]
    [DefaultValue(ProblemSettings.DefaultColumns)]
    public int Columns { get; set; } = ProblemSettings.DefaultColumns;

    [CommandOption("--seed|--numpy-seed <S>")]
    [Description("NumPy seed: the file holds what np.random.seed(S); A = np.random.random((n, d)); b = np.random.random((n, 1)) gives.")]
    [DefaultValue(0L)]
    public long Seed { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("The file to write: FILE.npz (arrays A and b, float64, as np.savez writes them) or FILE.csv (header a1..ad,b). Required.")]
    public string? Out { get; set; }

    [CommandOption("--force")]
    [Description("Replace --out if it exists.")]
    public bool Force { get; set; }

    public override ValidationResult Validate()
    {
        if (Seed is < 0 or > uint.MaxValue)
            return ValidationResult.Error($"--seed must be in [0, 4294967295] (np.random.seed's range), got {Seed}");
        if (Rows < 1) return ValidationResult.Error($"--n must be ≥ 1, got {Rows}");
        if (Columns < 1) return ValidationResult.Error($"--d must be ≥ 1, got {Columns}");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE.npz or --out FILE.csv is required");
        string extension = Path.GetExtension(Out).ToLowerInvariant();
        if (extension is not (".npz" or ".csv"))
            return ValidationResult.Error($"--out must end in .npz or .csv, got '{Out}'");
        if (Directory.Exists(Out)) return ValidationResult.Error($"--out {Out} is a directory; name a file");
        if (File.Exists(Out) && !Force) return ValidationResult.Error($"--out {Out} exists; pass --force to replace it");
        try
        {
            ProblemMemory.EnsureFits(Rows, Columns, "--n × --d");
        }
        catch (InvalidInputException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }
}
