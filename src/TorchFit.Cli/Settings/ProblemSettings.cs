using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;
using TorchFit.Problems.Files;

namespace TorchFit.Cli.Settings;

/// <summary>
/// Where a verb's problem comes from: a file (--problem), an .npy pair (--A/--b), or a seeded
/// uniform draw (-n/-d with --numpy-seed or --seed) exactly as NumPy's legacy generator draws it.
/// </summary>
internal class ProblemSettings : CommonSettings
{
    public const int DefaultRows = 200;
    public const int DefaultColumns = 300;

    [CommandOption("--problem <FILE>")]
    [Description("Read the problem from a file: .npz with arrays A and b (np.savez / np.savez_compressed), or .csv (last column is b unless --target-column; a header row is optional).")]
    public string? Problem { get; set; }

    [CommandOption("-A|--a-npy <FILE>")]
    [Description("A from a .npy file (np.save), with --b. --A is accepted too.")]
    public string? MatrixFile { get; set; }

    [CommandOption("-b|--b-npy <FILE>")]
    [Description("b from a .npy file of shape (n,) or (n, 1), with --A. --b is accepted too.")]
    public string? TargetFile { get; set; }

    [CommandOption("--target-column <COL>")]
    [Description("CSV only: b's column, as a number from 1 (negative counts from the end) or a header name. Defaults to the last column.")]
    public string? TargetColumn { get; set; }

    [CommandOption("-n|--rows <N>")]
    [Description("Rows of A (equations, samples) of a generated problem; 200 if not given. --n is accepted too.")]
    public int? Rows { get; set; }

    [CommandOption("-d|--cols <D>")]
    [Description("Columns of A (unknowns, features) of a generated problem; 300 if not given. --d is accepted too.")]
    public int? Columns { get; set; }

    [CommandOption("--numpy-seed <S>")]
    [Description("Generate A and b as np.random.seed(S); A = np.random.random((n, d)); b = np.random.random((n, 1)) does, bit for bit. Without it the problem's seed is --seed.")]
    public long? NumpySeed { get; set; }

    [CommandOption("--seed <S>")]
    [Description("Seed of the initial weights and the shuffles, and of the generated problem unless --numpy-seed is given.")]
    [DefaultValue(0u)]
    public uint Seed { get; set; }

    /// <summary>What the verb does with the problem: a generated one is refused before it is drawn when that does not fit.</summary>
    protected virtual ProblemWork Work => ProblemWork.Reading;

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful) return common;
        bool file = Problem is not null, pair = MatrixFile is not null || TargetFile is not null;
        bool generated = Rows is not null || Columns is not null || NumpySeed is not null;
        if (file && pair) return ValidationResult.Error("--problem and --A/--b are two ways to give a problem; use one");
        if ((file || pair) && generated)
            return ValidationResult.Error($"{(file ? "--problem" : "--A/--b")} reads the problem from files; --n, --d and --numpy-seed only apply to a generated problem");
        if (pair && (MatrixFile is null || TargetFile is null))
            return ValidationResult.Error(MatrixFile is null ? "--b needs --A (the matrix as a .npy file)" : "--A needs --b (the targets as a .npy file)");
        if (TargetColumn is not null && !file) return ValidationResult.Error("--target-column applies to a CSV given with --problem");
        if (file && string.IsNullOrWhiteSpace(Problem)) return ValidationResult.Error("--problem must name a file");
        if (TargetColumn is not null && string.IsNullOrWhiteSpace(TargetColumn)) return ValidationResult.Error("--target-column must name a column");
        if (TargetColumn is not null && !ProblemFile.TextExtensions.Contains(Path.GetExtension(Problem!).ToLowerInvariant()))
            return ValidationResult.Error("--target-column applies to CSV files only; an .npz names its arrays A and b");
        if (NumpySeed is < 0 or > uint.MaxValue)
            return ValidationResult.Error($"--numpy-seed must be in [0, 4294967295] (np.random.seed's range), got {NumpySeed}");
        if (Rows < 1) return ValidationResult.Error($"--n must be ≥ 1, got {Rows}");
        if (Columns < 1) return ValidationResult.Error($"--d must be ≥ 1, got {Columns}");
        try
        {
            if (!file && !pair) ProblemMemory.EnsureFits(Rows ?? DefaultRows, Columns ?? DefaultColumns, "--n × --d", Work);
        }
        catch (InvalidInputException e)
        {
            return ValidationResult.Error(e.Message);
        }
        return ValidationResult.Success();
    }

    /// <summary>The problem every verb works on: read from --problem or --A/--b, or generated.</summary>
    public LinearProblem CreateProblem() => Load()?.Problem
        ?? ProblemGenerator.Uniform(Rows ?? DefaultRows, Columns ?? DefaultColumns, (uint?)NumpySeed ?? Seed);

    /// <summary>The problem read from files with how it was stored, or null for a generated one.</summary>
    public LoadedProblem? Load() =>
        Problem is not null ? ProblemFile.Load(Problem, TargetColumn)
        : MatrixFile is not null && TargetFile is not null ? ProblemFile.LoadPair(MatrixFile, TargetFile)
        : null;
}
