using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems.Files;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit problem info</c>: one problem file, or an .npy pair.</summary>
internal sealed class ProblemInfoSettings : CommandSettings
{
    [CommandArgument(0, "[FILE]")]
    [Description("The problem file: .npz with arrays A and b, or .csv.")]
    public string? File { get; set; }

    [CommandOption("-A|--a-npy <FILE>")]
    [Description("A from a .npy file, with --b (instead of FILE). --A is accepted too.")]
    public string? MatrixFile { get; set; }

    [CommandOption("-b|--b-npy <FILE>")]
    [Description("b from a .npy file, with --A. --b is accepted too.")]
    public string? TargetFile { get; set; }

    [CommandOption("--target-column <COL>")]
    [Description("CSV only: b's column, as a number from 1 (negative counts from the end) or a header name. Defaults to the last column.")]
    public string? TargetColumn { get; set; }

    [CommandOption("--json")]
    [Description("Print the description as JSON.")]
    public bool Json { get; set; }

    public override ValidationResult Validate()
    {
        bool pair = MatrixFile is not null || TargetFile is not null;
        if (File is null && !pair) return ValidationResult.Error("name a problem file (problem info FILE) or an .npy pair (--A A.npy --b b.npy)");
        if (File is not null && pair) return ValidationResult.Error("give either FILE or --A/--b, not both");
        if (pair && (MatrixFile is null || TargetFile is null))
            return ValidationResult.Error(MatrixFile is null ? "--b needs --A (the matrix as a .npy file)" : "--A needs --b (the targets as a .npy file)");
        if (TargetColumn is not null && File is null) return ValidationResult.Error("--target-column applies to a CSV FILE");
        return TargetColumn is not null && !ProblemFile.TextExtensions.Contains(Path.GetExtension(File!).ToLowerInvariant())
            ? ValidationResult.Error("--target-column applies to CSV files only; an .npz names its arrays A and b")
            : ValidationResult.Success();
    }

    public LoadedProblem Load() => File is not null ? ProblemFile.Load(File, TargetColumn) : ProblemFile.LoadPair(MatrixFile!, TargetFile!);
}
