using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchFit.Problems;
using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>Options of <c>torchfit sweep</c>: the grid from flags and/or a JSON file, flags winning.</summary>
internal sealed class SweepSettings : ProblemSettings
{
    /// <inheritdoc/>
    protected override ProblemWork Work => ProblemWork.Decomposition;

    [CommandOption("--config <FILE>")]
    [Description("A JSON grid (fields optimizers, semantics, batchSizes, learningRates, momenta, nesterov, dtypes, init, seeds, epochs, target, stopAtTarget; see docs/sweep.md). Flags override it.")]
    public string? Config { get; set; }

    // The DEFAULTs shown in --help are SweepGrid's (a test holds them equal). A flag counts only when
    // given on the command line (see ToGrid), so a --config file can replace a default.

    [CommandOption("--optimizers <LIST>")]
    [Description("Optimizers, comma-separated: sgd, adam, rmsprop, adagrad. Each runs the whole grid with Keras' defaults for every "
        + "hyper-parameter but the learning rate and (sgd, rmsprop) the momentum.")]
    [DefaultValue("sgd")]
    public string? Optimizers { get; set; }

    [CommandOption("--semantics <S>")]
    [Description("keras: Keras 3's update_step formulas; torch: torch.optim's, with the same values (plain SGD is the same under both).")]
    [DefaultValue("keras")]
    public string? Semantics { get; set; }

    [CommandOption("--batch-sizes <LIST>")]
    [Description("Batch sizes, comma-separated.")]
    [DefaultValue("1,8,32,200")]
    public string? BatchSizes { get; set; }

    [CommandOption("--lrs <LIST>")]
    [Description("Learning rates, comma-separated, for every optimizer. The default is SGD's grid: adam, rmsprop and adagrad run it too "
        + "(it holds 0.001, their Keras default, and the sweep says so); give --lrs for a grid of their own.")]
    [DefaultValue("0.001,0.003,0.01,0.013")]
    public string? LearningRates { get; set; }

    [CommandOption("--momentum <LIST>")]
    [Description("Momenta μ in [[0, 1) of sgd and rmsprop, comma-separated; one heatmap per value; adam and adagrad run once, at μ = 0.")]
    [DefaultValue("0")]
    public string? Momenta { get; set; }

    [CommandOption("--nesterov")]
    [Description("Nesterov momentum for the sgd configurations with μ > 0.")]
    public bool Nesterov { get; set; }

    [CommandOption("--dtype <LIST>")]
    [Description("float32 and/or float64, comma-separated.")]
    [DefaultValue("float32")]
    public string? Dtypes { get; set; }

    [CommandOption("--init <INIT>")]
    [Description("Initial weights: glorot (Keras default) or torch.")]
    [DefaultValue("glorot")]
    public string? Init { get; set; }

    [CommandOption("--seeds <LIST>")]
    [Description("Seeds of the initial weights and shuffles, one repeat of the grid each. (--seed is the problem's seed.)")]
    [DefaultValue("0")]
    public string? Seeds { get; set; }

    [CommandOption("--epochs <E>")]
    [Description("Epochs per configuration.")]
    [DefaultValue(10_000)]
    public int? Epochs { get; set; }

    [CommandOption("--target <MSE>")]
    [Description("Record the first epoch whose MSE is ≤ this.")]
    [DefaultValue(1e-10)]
    public double? Target { get; set; }

    [CommandOption("--stop-at-target")]
    [Description("Stop each configuration once it reaches --target.")]
    public bool StopAtTarget { get; set; }

    [CommandOption("--shard <I/N>")]
    [Description("Run only shard I of N (0-based) of the grid; combine shard directories with torchfit merge.")]
    public string? Shard { get; set; }

    [CommandOption("--engine <ENGINE>")]
    [Description(EngineOption.Choices + " Default: batched.")]
    public string? Engine { get; set; }

    public override ValidationResult Validate()
    {
        var problem = base.Validate();
        if (!problem.Successful) return problem;
        var engine = EngineOption.Validate(Engine);
        if (!engine.Successful) return engine;
        if (Init is not null && TrainSettings.ParseInit(Init) is null)
            return ValidationResult.Error($"--init must be glorot or torch, got '{Init}'");
        return EnumChoice.Validate<OptimizerSemantics>("--semantics", Semantics);
    }

    /// <summary>The parsed --engine, or null for the library's default.</summary>
    public TrainingEngine? TrainingEngine => Engine is null ? null : EngineOption.Parse(Engine);

    public SweepShard? ParsedShard => Shard is null ? null : SweepShard.Parse(Shard);

    /// <summary>The grid: defaults, then the --config file, then the flags given in <paramref name="arguments"/> (the command line).</summary>
    public SweepGrid ToGrid(IReadOnlyList<string> arguments)
    {
        bool Given(string option) => arguments.Any(a => a == option || (a.StartsWith(option, StringComparison.Ordinal) && a.Length > option.Length && a[option.Length] is '=' or ':'));
        var grid = new SweepGrid();
        if (Config is not null)
        {
            var file = SweepConfigFile.Load(Config);
            grid = grid with
            {
                Optimizers = file.Optimizers ?? grid.Optimizers,
                Semantics = file.Semantics ?? grid.Semantics,
                BatchSizes = file.BatchSizes ?? grid.BatchSizes,
                LearningRates = file.LearningRates ?? grid.LearningRates,
                Momenta = file.Momenta ?? grid.Momenta,
                Nesterov = file.Nesterov ?? grid.Nesterov,
                Precisions = file.Dtypes is null ? grid.Precisions : [.. file.Dtypes.Select(d => ComputeSettings.ParseDtype(d)
                    ?? throw new InvalidInputException($"--config {Config}: dtypes: '{d}' is not float32 or float64"))],
                Init = file.Init is null ? grid.Init : TrainSettings.ParseInit(file.Init)
                    ?? throw new InvalidInputException($"--config {Config}: init: '{file.Init}' is not glorot or torch"),
                Seeds = file.Seeds ?? grid.Seeds,
                Epochs = file.Epochs ?? grid.Epochs,
                Target = file.Target ?? grid.Target,
                StopAtTarget = file.StopAtTarget ?? grid.StopAtTarget,
            };
        }
        grid = grid with
        {
            Optimizers = Optimizers is null || !Given("--optimizers") ? grid.Optimizers
                : ListOption.Parse("--optimizers", Optimizers, EnumChoice.Parse<OptimizerKind>, EnumChoice.Names<OptimizerKind>()),
            Semantics = Semantics is null || !Given("--semantics") ? grid.Semantics : EnumChoice.Parse<OptimizerSemantics>(Semantics)!.Value,
            BatchSizes = BatchSizes is null || !Given("--batch-sizes") ? grid.BatchSizes : ListOption.Parse("--batch-sizes", BatchSizes, ListOption.Integer, "a whole number"),
            LearningRates = LearningRates is null || !Given("--lrs") ? grid.LearningRates : ListOption.Parse("--lrs", LearningRates, ListOption.Real, "a number"),
            Momenta = Momenta is null || !Given("--momentum") ? grid.Momenta : ListOption.Parse("--momentum", Momenta, ListOption.Real, "a number"),
            Nesterov = Nesterov || grid.Nesterov,
            Precisions = Dtypes is null || !Given("--dtype") ? grid.Precisions : ListOption.Parse("--dtype", Dtypes, ComputeSettings.ParseDtype, "float32 or float64"),
            Init = Init is null || !Given("--init") ? grid.Init : TrainSettings.ParseInit(Init)!.Value,
            Seeds = Seeds is null || !Given("--seeds") ? grid.Seeds : ListOption.Parse("--seeds", Seeds, ListOption.Seed, "a whole number ≥ 0"),
            Epochs = Epochs is { } epochs && Given("--epochs") ? epochs : grid.Epochs,
            Target = Target is { } target && Given("--target") ? target : grid.Target,
            StopAtTarget = StopAtTarget || grid.StopAtTarget,
        };
        try
        {
            grid.Validate();
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException($"sweep grid{(Config is null ? "" : $" (--config {Config} and flags)")}: {OptionFlags.Message(e)}");
        }
        return grid;
    }

    /// <summary>
    /// What the sweep says when optimizers other than SGD run the default learning rates (SGD's grid), or null:
    /// they do run them (0.001 is their Keras default), but a grid of their own is usually meant.
    /// </summary>
    public static string? LearningRateNote(SweepGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var others = grid.Optimizers.Where(o => o != OptimizerKind.Sgd).ToList();
        if (others.Count == 0 || !grid.LearningRates.SequenceEqual(new SweepGrid().LearningRates)) return null;
        static string R(double value) => value.ToString(CultureInfo.InvariantCulture);
        bool one = others.Count == 1;
        return $"{string.Join(", ", others.Select(HyperParameters.Name))} run{(one ? "s" : "")} the default learning rates {string.Join(", ", grid.LearningRates.Select(R))} "
            + $"(SGD's grid; Keras' default for {(one ? "it" : "them")} is {string.Join(" or ", others.Select(o => R(OptimizerDefaults.LearningRate(o))).Distinct())}); "
            + $"give --lrs for a grid of {(one ? "its" : "their")} own.";
    }
}
