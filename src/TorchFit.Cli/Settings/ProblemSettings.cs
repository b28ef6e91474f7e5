using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;

namespace TorchFit.Cli.Settings;

/// <summary>A seeded uniform problem: A (n×d) and b (n×1) as NumPy's legacy generator draws them.</summary>
internal class ProblemSettings : CommonSettings
{
    [CommandOption("-n|--rows <N>")]
    [Description("Rows of A (equations, samples). --n is accepted too.")]
    [DefaultValue(200)]
    public int Rows { get; set; } = 200;

    [CommandOption("-d|--cols <D>")]
    [Description("Columns of A (unknowns, features). --d is accepted too.")]
    [DefaultValue(300)]
    public int Columns { get; set; } = 300;

    [CommandOption("--seed <S>")]
    [Description("Seed of the problem (np.random.seed(S); A = random((n, d)); b = random((n, 1))), the init and the shuffles.")]
    [DefaultValue(0u)]
    public uint Seed { get; set; }

    public override ValidationResult Validate()
    {
        var common = base.Validate();
        if (!common.Successful) return common;
        if (Rows < 1) return ValidationResult.Error($"--n must be ≥ 1, got {Rows}");
        if (Columns < 1) return ValidationResult.Error($"--d must be ≥ 1, got {Columns}");
        if ((long)Rows * Columns > ProblemGenerator.MaxEntries)
            return ValidationResult.Error($"--n × --d = {(long)Rows * Columns:N0} entries needs {(long)Rows * Columns * 8 / (1 << 20):N0} MiB in float64; the limit is {ProblemGenerator.MaxEntries:N0} entries");
        return ValidationResult.Success();
    }

    public LinearProblem CreateProblem() => ProblemGenerator.Uniform(Rows, Columns, Seed);
}
