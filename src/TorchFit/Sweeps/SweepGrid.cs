using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TorchFit.Training;
using TorchFit.Training.Rules;

namespace TorchFit.Sweeps;

/// <summary>
/// A batch-size × learning-rate grid (times optimizers, momenta, dtypes and seeds) of Keras-style runs.
/// The defaults are the question's grid: batch sizes 1, 8, 32, 200 × learning rates 0.001, 0.003,
/// 0.01, 0.013, plain SGD, float32, seed 0, 10,000 epochs.
/// </summary>
/// <remarks>
/// Every optimizer runs every learning rate and batch size; every hyper-parameter other than η and μ keeps
/// Keras' default (<see cref="OptimizerDefaults"/>). <see cref="Momenta"/> apply to the optimizers that take a
/// momentum (sgd and rmsprop: <see cref="HyperParameters"/>); the others run once, at μ = 0.
/// </remarks>
public sealed record SweepGrid
{
    /// <summary>Optimizers, each over the whole grid. Defaults to SGD only.</summary>
    public IReadOnlyList<OptimizerKind> Optimizers { get; init; } = [OptimizerKind.Sgd];

    /// <summary>Keras' formulas or <c>torch.optim</c>'s, for every optimizer. Defaults to <see cref="OptimizerSemantics.Keras"/>.</summary>
    public OptimizerSemantics Semantics { get; init; } = OptimizerSemantics.Keras;

    /// <summary>Rows per step; a value ≥ n is full-batch gradient descent.</summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [1, 8, 32, 200];

    /// <summary>Step sizes η.</summary>
    public IReadOnlyList<double> LearningRates { get; init; } = [0.001, 0.003, 0.01, 0.013];

    /// <summary>Momenta μ in [0, 1) of the optimizers that take one (SGD's heavy ball, RMSprop's momentum).</summary>
    public IReadOnlyList<double> Momenta { get; init; } = [0.0];

    /// <summary>Nesterov momentum for every SGD configuration whose momentum is &gt; 0.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Training dtypes.</summary>
    public IReadOnlyList<Precision> Precisions { get; init; } = [Precision.Float32];

    /// <summary>Kernel initialiser.</summary>
    public WeightInit Init { get; init; } = WeightInit.Glorot;

    /// <summary>Seeds of the initial weights and shuffles: one repeat of the grid per seed.</summary>
    public IReadOnlyList<ulong> Seeds { get; init; } = [0];

    /// <summary>Passes over the data per configuration.</summary>
    public int Epochs { get; init; } = 10_000;

    /// <summary>The MSE whose first epoch is recorded as epochs-to-target.</summary>
    public double Target { get; init; } = 1e-10;

    /// <summary>Stop a configuration once it reaches <see cref="Target"/>.</summary>
    public bool StopAtTarget { get; init; }

    /// <summary>Reshuffle the rows every epoch (Keras' default).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>A configuration counts as diverged when its MSE exceeds this multiple of its start, or is NaN/Inf.</summary>
    public double DivergenceFactor { get; init; } = 1e8;

    /// <summary>Throws <see cref="InvalidInputException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        NotEmpty(Optimizers, nameof(Optimizers));
        foreach (var optimizer in Optimizers)
            if (!Enum.IsDefined(optimizer)) throw Invalid(nameof(Optimizers), $"lists an unknown optimizer ({(int)optimizer})");
        if (!Enum.IsDefined(Semantics)) throw Invalid(nameof(Semantics), $"is not Keras or Torch ({(int)Semantics})");
        NotEmpty(BatchSizes, nameof(BatchSizes));
        NotEmpty(LearningRates, nameof(LearningRates));
        NotEmpty(Momenta, nameof(Momenta));
        NotEmpty(Precisions, nameof(Precisions));
        NotEmpty(Seeds, nameof(Seeds));
        foreach (int b in BatchSizes)
            if (b < 1) throw Invalid(nameof(BatchSizes), $"must be ≥ 1, got {b}");
        foreach (double lr in LearningRates)
            if (!(lr > 0) || !double.IsFinite(lr)) throw Invalid(nameof(LearningRates), $"must be finite and > 0, got {Text.R(lr)}");
        foreach (double mu in Momenta)
            if (!(mu >= 0 && mu < 1)) throw Invalid(nameof(Momenta), $"must be in [0, 1), got {Text.R(mu)}");
        if (Nesterov && Momenta.All(mu => mu == 0))
            throw Invalid(nameof(Nesterov), "needs a momentum > 0 in the grid");
        // Like TrainingOptions, a setting that no configuration would use is refused rather than ignored.
        if (Momenta.Any(mu => mu > 0) && !Optimizers.Any(o => HyperParameters.Applies(nameof(TrainingOptions.Momentum), o)))
            throw Invalid(nameof(Momenta), $"applies to {HyperParameters.OwnerList(nameof(TrainingOptions.Momentum))} only, and the grid has only {Names(Optimizers)}");
        if (Nesterov && !Optimizers.Any(o => HyperParameters.Applies(nameof(TrainingOptions.Nesterov), o)))
            throw Invalid(nameof(Nesterov), $"applies to {HyperParameters.OwnerList(nameof(TrainingOptions.Nesterov))} only, and the grid has only {Names(Optimizers)}");
        if (Epochs < 1) throw Invalid(nameof(Epochs), $"must be ≥ 1, got {Epochs}");
        if (!(Target > 0) || !double.IsFinite(Target)) throw Invalid(nameof(Target), $"must be a finite MSE > 0, got {Text.R(Target)}");
        if (!(DivergenceFactor > 1)) throw Invalid(nameof(DivergenceFactor), $"must be > 1, got {Text.R(DivergenceFactor)}");
        Distinct([.. Optimizers.Select(HyperParameters.Name)], nameof(Optimizers));
        Distinct(BatchSizes, nameof(BatchSizes));
        Distinct(LearningRates, nameof(LearningRates));
        Distinct(Momenta, nameof(Momenta));
        Distinct(Precisions, nameof(Precisions));
        Distinct(Seeds, nameof(Seeds));
    }

    /// <summary>
    /// Every configuration, in a fixed order (seed, dtype, batch size, optimizer, momentum, learning rate), so
    /// that configurations that train together (one batch size, seed, dtype and update form) sit next to each
    /// other and shards stay deterministic. A grid of SGD alone is ordered as before there were optimizers.
    /// </summary>
    public IReadOnlyList<SweepConfiguration> Configurations()
    {
        var list = new List<SweepConfiguration>();
        foreach (ulong seed in Seeds)
            foreach (var precision in Precisions)
                foreach (int batch in BatchSizes)
                    foreach (var optimizer in Optimizers)
                    {
                        bool nesterov = Nesterov && HyperParameters.Applies(nameof(TrainingOptions.Nesterov), optimizer);
                        foreach (double momentum in MomentaOf(optimizer))
                            foreach (double lr in LearningRates)
                                list.Add(new SweepConfiguration(list.Count, optimizer, SemanticsOf(optimizer, momentum), batch, lr, momentum,
                                    nesterov && momentum > 0, precision, seed));
                    }
        return list;
    }

    /// <summary><see cref="Momenta"/> for an optimizer that takes a momentum, else μ = 0 once.</summary>
    private IReadOnlyList<double> MomentaOf(OptimizerKind optimizer) =>
        HyperParameters.Applies(nameof(TrainingOptions.Momentum), optimizer) ? Momenta : [0.0];

    /// <summary>The formulas a configuration computes: <see cref="Semantics"/>, but plain SGD is one update under both (<see cref="UpdateForm"/>).</summary>
    private OptimizerSemantics SemanticsOf(OptimizerKind optimizer, double momentum) =>
        UpdateForm.Of(new TrainingOptions { Optimizer = optimizer, Semantics = Semantics, Momentum = momentum }).Semantics;

    /// <summary>The training options of one configuration on <paramref name="device"/> with <paramref name="engine"/>.</summary>
    public TrainingOptions OptionsFor(SweepConfiguration configuration, string device, TrainingEngine? engine = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new TrainingOptions
        {
            Optimizer = configuration.Optimizer,
            Semantics = configuration.Semantics,
            BatchSize = configuration.BatchSize,
            LearningRate = configuration.LearningRate,
            Momentum = configuration.Momentum,
            Nesterov = configuration.Nesterov,
            Precision = configuration.Precision,
            Seed = configuration.Seed,
            Init = Init,
            Shuffle = Shuffle,
            Epochs = Epochs,
            StopAtMse = StopAtTarget ? Target : null,
            DivergenceFactor = DivergenceFactor,
            Device = device,
            Engine = engine,
        };
    }

    /// <summary>
    /// A canonical one-line description; equal grids give equal text. The optimizers and semantics are named only when
    /// they are not SGD with Keras' formulas, so a grid of SGD alone reads (and fingerprints) as before there were optimizers.
    /// </summary>
    public string Describe() => string.Join("; ", new[]
    {
        Optimizers is [OptimizerKind.Sgd] ? null : $"optimizers {Names(Optimizers)}",
        // Only where some configuration computes it: plain SGD is one update under both semantics.
        Optimizers.Any(o => MomentaOf(o).Any(mu => SemanticsOf(o, mu) == OptimizerSemantics.Torch)) ? "semantics torch" : null,
        $"batch sizes {Join(BatchSizes)}",
        $"learning rates {Join(LearningRates)}",
        $"momenta {Join(Momenta)}{(Nesterov ? " (Nesterov)" : "")}",
        $"dtypes {string.Join(',', Precisions.Select(p => p.ToName()))}",
        $"init {Init.ToString().ToLowerInvariant()}",
        $"seeds {Join(Seeds)}",
        $"epochs {Epochs}",
        $"target {Text.E(Target)}{(StopAtTarget ? " (stop there)" : "")}",
        $"shuffle {Shuffle.ToString().ToLowerInvariant()}",
        $"divergence ×{Text.E(DivergenceFactor)}",
    }.OfType<string>());

    /// <summary>A short hash of <see cref="Describe"/>.</summary>
    public string Fingerprint() => Hash(Describe());

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static string Names(IEnumerable<OptimizerKind> optimizers) => string.Join(',', optimizers.Select(HyperParameters.Name));

    private static string Join<T>(IEnumerable<T> values) where T : IFormattable =>
        string.Join(',', values.Select(v => v.ToString(null, CultureInfo.InvariantCulture)));

    private static InvalidInputException Invalid(string option, string problem) => InvalidInputException.ForOption(option, problem);

    private static void NotEmpty<T>(IReadOnlyList<T> values, string option)
    {
        if (values is null || values.Count == 0) throw Invalid(option, "is an empty list");
    }

    private static void Distinct<T>(IReadOnlyList<T> values, string option)
    {
        var repeated = values.GroupBy(v => v).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw Invalid(option, $"lists {repeated.Key} twice");
    }
}
