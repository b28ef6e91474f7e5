using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Prescriptions;
using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit solve</c>.</summary>
internal sealed class SolveSettings : ComputeSettings
{
    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Choices + " Default: fused.")]
    public string? Engine { get; set; }

    protected override string? EngineText => Engine;

    /// <inheritdoc/>
    protected override ProblemWork Work => ProblemWork.Solving;

    [CommandOption("--target <MSE>")]
    [Description("The full-data MSE to reach.")]
    [DefaultValue(1e-10)]
    public double Target { get; set; } = 1e-10;

    [CommandOption("--max-epochs <E>")]
    [Description("Epoch budget of the prescribed schedule.")]
    [DefaultValue(3_000)]
    public int MaxEpochs { get; set; } = 3_000;

    [CommandOption("--compare-epochs <E>")]
    [Description("Epochs for the question's settings (lr 0.01, full batch and batch 32) shown beside it; 0 skips them.")]
    [DefaultValue(10_000)]
    public int CompareEpochs { get; set; } = 10_000;

    [CommandOption("--lbfgs-epochs <E>")]
    [Description("L-BFGS steps (20 iterations each) for its comparison row; 0 skips it.")]
    [DefaultValue(200)]
    public int LbfgsEpochs { get; set; } = 200;

    [CommandOption("--semantics <S>")]
    [Description("Whose momentum formula the heavy-ball phase computes: keras (m ← m·μ − g·η; w ← w + m) or torch (buf ← μ·buf + g; w ← w − η·buf). "
        + "Equal in exact arithmetic; momentum near 1 amplifies their different float32 roundings.")]
    [DefaultValue("keras")]
    public string Semantics { get; set; } = "keras";

    public override ValidationResult Validate()
    {
        var problem = base.Validate();
        if (!problem.Successful) return problem;
        var semantics = EnumChoice.Validate<OptimizerSemantics>("--semantics", Semantics);
        return semantics.Successful ? OptionFlags.Check(() => ToOptions().Validate()) : semantics;
    }

    public SolveOptions ToOptions() => new()
    {
        Target = Target,
        Precision = Precision,
        MaxEpochs = MaxEpochs,
        ComparisonEpochs = CompareEpochs,
        LbfgsEpochs = LbfgsEpochs,
        Seed = Seed,
        Device = Device,
        Engine = TrainingEngine,
        Semantics = EnumChoice.Parse<OptimizerSemantics>(Semantics)!.Value,
    };
}
