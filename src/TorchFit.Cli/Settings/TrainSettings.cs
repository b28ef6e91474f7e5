using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;
using TorchFit.Problems.Files;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>The fit options of <c>torchfit train</c> and <c>diagnose</c>, with Keras' defaults; validated by the library's <see cref="TrainingOptions"/>.</summary>
internal abstract class FitSettings : ComputeSettings
{
    [CommandOption("--optimizer <NAME>")]
    [Description("Optimizer: sgd, adam, rmsprop or adagrad, with Keras' hyper-parameters and defaults (see --semantics).")]
    [DefaultValue("sgd")]
    public string Optimizer { get; set; } = "sgd";

    [CommandOption("--semantics <S>")]
    [Description("keras: Keras 3's update_step formulas; torch: torch.optim's, with the same values. Plain SGD is the same under both; "
        + "momentum differs by rounding; Adam, RMSprop and Adagrad differ in where ε goes (docs/optimizers.md).")]
    [DefaultValue("keras")]
    public string Semantics { get; set; } = "keras";

    [CommandOption("--lr <LR>")]
    [Description("Learning rate η (Keras learning_rate). Default: the optimizer's Keras default, sgd 0.01; adam, rmsprop and adagrad 0.001.")]
    public double? LearningRate { get; set; }

    [CommandOption("--batch-size <B>")]
    [Description("Rows per step (Keras batch_size); the last partial batch is kept. Use n for full batch.")]
    [DefaultValue(32)]
    public int BatchSize { get; set; } = 32;

    [CommandOption("--epochs <E>")]
    [Description("Passes over the data. The question used 10,000.")]
    [DefaultValue(10_000)]
    public int Epochs { get; set; } = 10_000;

    [CommandOption("--momentum <MU>")]
    [Description("sgd, rmsprop: momentum μ in [[0, 1) (Keras momentum; heavy ball for sgd). Default: 0.")]
    public double? Momentum { get; set; }

    [CommandOption("--nesterov")]
    [Description("sgd: Nesterov momentum (needs --momentum > 0).")]
    public bool Nesterov { get; set; }

    [CommandOption("--beta-1 <B1>")]
    [Description("adam: beta_1 in [[0, 1). Default: 0.9.")]
    public double? Beta1 { get; set; }

    [CommandOption("--beta-2 <B2>")]
    [Description("adam: beta_2 in [[0, 1). Default: 0.999.")]
    public double? Beta2 { get; set; }

    [CommandOption("--amsgrad")]
    [Description("adam: the AMSGrad variant.")]
    public bool Amsgrad { get; set; }

    [CommandOption("--rho <RHO>")]
    [Description("rmsprop: rho in [[0, 1). Default: 0.9 (PyTorch's alpha defaults to 0.99).")]
    public double? Rho { get; set; }

    [CommandOption("--centered")]
    [Description("rmsprop: centered.")]
    public bool Centered { get; set; }

    [CommandOption("--initial-accumulator-value <V>")]
    [Description("adagrad: the accumulator's start, ≥ 0. Default: 0.1 (PyTorch's: 0).")]
    public double? InitialAccumulatorValue { get; set; }

    [CommandOption("--epsilon <EPS>")]
    [Description("adam, rmsprop, adagrad: ε ≥ 0. Default: 1e-7 (PyTorch's defaults: 1e-8 for adam and rmsprop, 1e-10 for adagrad).")]
    public double? Epsilon { get; set; }

    [CommandOption("--use-bias")]
    [Description("A bias beside the kernel, as Keras' Dense(1, use_bias=True), starting at 0. By default the layer is bias-free, as in the question.")]
    public bool UseBias { get; set; }

    [CommandOption("--init <INIT>")]
    [Description("Initial weights: glorot (Keras Dense default, U(±√(6/(d+1)))) or torch (nn.Linear default, U(±1/√d)).")]
    [DefaultValue("glorot")]
    public string Init { get; set; } = "glorot";

    [CommandOption("--no-shuffle")]
    [Description("Keep the row order (Keras shuffle=False). By default rows are reshuffled every epoch.")]
    public bool NoShuffle { get; set; }

    [CommandOption("--on-divergence <POLICY>")]
    [Description("stop: end a run at the epoch its MSE becomes NaN/Inf or grows 1e8× past its start; continue: train every epoch, as Keras does, recording the Inf/NaN.")]
    [DefaultValue("stop")]
    public string OnDivergence { get; set; } = "stop";

    /// <summary>The parsed --optimizer (valid after <see cref="Validate"/>).</summary>
    public OptimizerKind OptimizerKind => EnumChoice.Parse<OptimizerKind>(Optimizer)!.Value;

    public override ValidationResult Validate()
    {
        var problem = base.Validate();
        if (!problem.Successful) return problem;
        if (ParseInit(Init) is null) return ValidationResult.Error($"--init must be glorot or torch, got '{Init}'");
        foreach (var choice in new[]
        {
            EnumChoice.Validate<OptimizerKind>("--optimizer", Optimizer),
            EnumChoice.Validate<OptimizerSemantics>("--semantics", Semantics),
            EnumChoice.Validate<DivergencePolicy>("--on-divergence", OnDivergence),
        })
            if (!choice.Successful) return choice;
        return OptionFlags.Check(() =>
        {
            // A flag given for another optimizer is refused even at its default value: it would do nothing.
            foreach (var property in GivenHyperParameters()) HyperParameters.EnsureApplies(property, OptimizerKind);
            ToOptions().Validate();
        });
    }

    /// <summary>The optimizer-specific options given on the command line, by their library property names.</summary>
    private IEnumerable<string> GivenHyperParameters()
    {
        if (Momentum is not null) yield return nameof(TrainingOptions.Momentum);
        if (Nesterov) yield return nameof(TrainingOptions.Nesterov);
        if (Beta1 is not null) yield return nameof(TrainingOptions.Beta1);
        if (Beta2 is not null) yield return nameof(TrainingOptions.Beta2);
        if (Amsgrad) yield return nameof(TrainingOptions.Amsgrad);
        if (Rho is not null) yield return nameof(TrainingOptions.Rho);
        if (Centered) yield return nameof(TrainingOptions.Centered);
        if (InitialAccumulatorValue is not null) yield return nameof(TrainingOptions.InitialAccumulatorValue);
        if (Epsilon is not null) yield return nameof(TrainingOptions.Epsilon);
    }

    public TrainingOptions ToOptions()
    {
        var optimizer = OptimizerKind;
        return new()
        {
            Optimizer = optimizer,
            Semantics = EnumChoice.Parse<OptimizerSemantics>(Semantics)!.Value,
            LearningRate = LearningRate ?? OptimizerDefaults.LearningRate(optimizer),
            BatchSize = BatchSize,
            Epochs = Epochs,
            Momentum = Momentum ?? 0,
            Nesterov = Nesterov,
            Beta1 = Beta1 ?? OptimizerDefaults.Beta1,
            Beta2 = Beta2 ?? OptimizerDefaults.Beta2,
            Amsgrad = Amsgrad,
            Rho = Rho ?? OptimizerDefaults.Rho,
            Centered = Centered,
            InitialAccumulatorValue = InitialAccumulatorValue ?? OptimizerDefaults.InitialAccumulatorValue,
            Epsilon = Epsilon ?? OptimizerDefaults.Epsilon,
            UseBias = UseBias,
            Init = ParseInit(Init)!.Value,
            Precision = Precision,
            Shuffle = !NoShuffle,
            Seed = Seed,
            Device = Device,
            Engine = TrainingEngine,
            OnDivergence = EnumChoice.Parse<DivergencePolicy>(OnDivergence)!.Value,
        };
    }

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
    [CommandOption("--initial-weights <FILE>")]
    [Description("Start from these weights instead of --init, as Keras' set_weights: an .npz holding kernel (d, 1) (and bias (1,) with --use-bias), "
        + "or an .npy kernel of shape (d,) or (d, 1). train writes initial-weights.npz and weights.npz in this form.")]
    public string? InitialWeights { get; set; }

    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Choices + " Default: keras, the mirror.")]
    public string? Engine { get; set; }

    protected override string? EngineText => Engine;

    /// <inheritdoc/>
    protected override ProblemWork Work => ProblemWork.Training;

    /// <summary>
    /// <paramref name="options"/> starting from --initial-weights when given (read and checked against the problem's
    /// <paramref name="columns"/>): the kernel, and the bias if the file holds one (without one, a bias starts at 0, as
    /// Keras initialises it). A bias in the file without --use-bias is refused rather than dropped.
    /// </summary>
    public TrainingOptions WithInitialWeights(TrainingOptions options, int columns)
    {
        if (InitialWeights is null) return options;
        var weights = KerasWeights.Read(InitialWeights, columns);
        if (weights.Bias is not null && !options.UseBias)
            throw new InvalidInputException($"{InitialWeights}: holds a bias, but the layer is bias-free; add --use-bias to train it");
        return options with { InitialWeights = weights.Kernel, InitialBias = weights.Bias };
    }
}
