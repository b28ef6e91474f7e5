using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>The fit options of <c>torchfit train</c> and <c>diagnose</c>, with Keras' defaults; validated by the library's <see cref="TrainingOptions"/>.</summary>
internal abstract class FitSettings : ComputeSettings
{
    [CommandOption("--lr <LR>")]
    [Description("Learning rate η (Keras learning_rate).")]
    [DefaultValue(0.01)]
    public double LearningRate { get; set; } = 0.01;

    [CommandOption("--batch-size <B>")]
    [Description("Rows per step (Keras batch_size); the last partial batch is kept. Use n for full batch.")]
    [DefaultValue(32)]
    public int BatchSize { get; set; } = 32;

    [CommandOption("--epochs <E>")]
    [Description("Passes over the data. The question used 10,000.")]
    [DefaultValue(10_000)]
    public int Epochs { get; set; } = 10_000;

    [CommandOption("--momentum <MU>")]
    [Description("Heavy-ball momentum μ in [[0, 1) (Keras momentum).")]
    [DefaultValue(0.0)]
    public double Momentum { get; set; }

    [CommandOption("--nesterov")]
    [Description("Nesterov momentum (needs --momentum > 0).")]
    public bool Nesterov { get; set; }

    [CommandOption("--init <INIT>")]
    [Description("Initial weights: glorot (Keras Dense default, U(±√(6/(d+1)))) or torch (nn.Linear default, U(±1/√d)).")]
    [DefaultValue("glorot")]
    public string Init { get; set; } = "glorot";

    [CommandOption("--no-shuffle")]
    [Description("Keep the row order (Keras shuffle=False). By default rows are reshuffled every epoch.")]
    public bool NoShuffle { get; set; }

    public override ValidationResult Validate()
    {
        var problem = base.Validate();
        if (!problem.Successful) return problem;
        if (ParseInit(Init) is null) return ValidationResult.Error($"--init must be glorot or torch, got '{Init}'");
        return OptionFlags.Check(() => ToOptions().Validate());
    }

    public TrainingOptions ToOptions() => new()
    {
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        Epochs = Epochs,
        Momentum = Momentum,
        Nesterov = Nesterov,
        Init = ParseInit(Init)!.Value,
        Precision = Precision,
        Shuffle = !NoShuffle,
        Seed = Seed,
        Device = Device,
        Engine = TrainingEngine,
    };

    internal static WeightInit? ParseInit(string value) => value.Trim().ToLowerInvariant() switch
    {
        "glorot" or "glorot_uniform" or "xavier" => WeightInit.Glorot,
        "torch" or "kaiming" => WeightInit.Torch,
        _ => null,
    };
}

/// <summary>Options of <c>torchfit train</c>: one Keras-style run.</summary>
internal class TrainSettings : FitSettings
{
    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Choices + " Default: keras, the mirror.")]
    public string? Engine { get; set; }

    protected override string? EngineText => Engine;

    /// <inheritdoc/>
    protected override ProblemWork Work => ProblemWork.Training;
}
