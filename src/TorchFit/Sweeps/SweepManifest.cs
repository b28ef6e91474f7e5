namespace TorchFit.Sweeps;

/// <summary>What a sweep directory holds: manifest.json.</summary>
/// <param name="SweepId">Hash of the grid and the problem: shards of one sweep share it.</param>
/// <param name="TorchFitVersion">TorchFit's version.</param>
/// <param name="TorchSharpVersion">TorchSharp's version.</param>
/// <param name="Device">Where it ran.</param>
/// <param name="Engine">batched, fused or keras.</param>
/// <param name="Problem">The problem trained on.</param>
/// <param name="Grid">The whole grid (<see cref="SweepGrid.Describe"/>) and its settings.</param>
/// <param name="Seeds">The seeds of the repeats.</param>
/// <param name="GridConfigurations">Configurations in the whole grid.</param>
/// <param name="Shard">"i/N" when this directory holds one shard, else null.</param>
/// <param name="Configurations">Configurations this directory is responsible for.</param>
/// <param name="FullBatchStabilityLimit">2/λ_max: full-batch GD diverges for learning rates above it.</param>
/// <param name="StartedAt">When the first run into this directory started.</param>
/// <param name="FinishedAt">When its last configuration finished, or null while incomplete.</param>
/// <param name="MergedFrom">The shard directories a merge combined, or null.</param>
public sealed record SweepManifest(
    string SweepId,
    string TorchFitVersion,
    string TorchSharpVersion,
    string Device,
    string Engine,
    SweepProblem Problem,
    SweepGridDocument Grid,
    IReadOnlyList<ulong> Seeds,
    int GridConfigurations,
    string? Shard,
    int Configurations,
    double FullBatchStabilityLimit,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string>? MergedFrom);

/// <summary>The problem of a sweep.</summary>
/// <param name="Name">Its description.</param>
/// <param name="Rows">n.</param>
/// <param name="Columns">d.</param>
/// <param name="Sha256">Hash of A and b as float64 bytes: the same problem, bit for bit.</param>
public sealed record SweepProblem(string Name, int Rows, int Columns, string Sha256);

/// <summary>The grid as the manifest records it.</summary>
/// <param name="Description">See <see cref="SweepGrid.Describe"/>.</param>
/// <param name="BatchSizes">Batch sizes.</param>
/// <param name="LearningRates">Learning rates.</param>
/// <param name="Momenta">Momenta.</param>
/// <param name="Nesterov">Nesterov for momentum &gt; 0.</param>
/// <param name="Dtypes">Dtypes.</param>
/// <param name="Init">Initialiser.</param>
/// <param name="Epochs">Epochs.</param>
/// <param name="Target">Target MSE.</param>
/// <param name="StopAtTarget">Whether runs stop at the target.</param>
/// <param name="Optimizers">sgd, adam, rmsprop, adagrad; null in a manifest written before sweeps had optimizers (sgd only).</param>
/// <param name="Semantics">keras or torch (<see cref="SweepGrid.Semantics"/>); "keras" in a manifest written before.</param>
public sealed record SweepGridDocument(
    string Description,
    IReadOnlyList<int> BatchSizes,
    IReadOnlyList<double> LearningRates,
    IReadOnlyList<double> Momenta,
    bool Nesterov,
    IReadOnlyList<string> Dtypes,
    string Init,
    int Epochs,
    double Target,
    bool StopAtTarget,
    IReadOnlyList<string>? Optimizers = null,
    string Semantics = "keras");
