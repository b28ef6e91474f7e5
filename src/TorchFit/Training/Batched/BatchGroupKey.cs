using TorchFit.Training.Rules;

namespace TorchFit.Training.Batched;

/// <summary>
/// What configurations trained as one batched run share: everything that decides the batches, the start and the
/// form of the update and the model; they may differ in the scalars of the rule (learning rate, momentum, β, ρ, ε, …),
/// the target and the divergence bound and policy.
/// </summary>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="Seed">Seed of the initial weights and the shuffles.</param>
/// <param name="Precision">Training dtype.</param>
/// <param name="Init">Kernel initialiser.</param>
/// <param name="Shuffle">Whether rows are reshuffled every epoch.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="Device">The device name, trimmed and lower-case.</param>
/// <param name="Form">The optimizer, its semantics and the state it keeps (<see cref="UpdateForm"/>): one rule per run.</param>
/// <param name="UseBias">Whether the model has a bias (the run fits [A 1]).</param>
/// <param name="InitialWeights">The given start, compared by reference (null: drawn from the seed).</param>
/// <param name="InitialBias">The given starting bias (null: 0).</param>
internal sealed record BatchGroupKey(int BatchSize, ulong Seed, Precision Precision, WeightInit Init, bool Shuffle, int Epochs, string Device,
    UpdateForm Form, bool UseBias, IReadOnlyList<double>? InitialWeights, double? InitialBias)
{
    /// <summary>The key of <paramref name="options"/>.</summary>
    public static BatchGroupKey Of(TrainingOptions options) => new(options.BatchSize, options.Seed, options.Precision, options.Init, options.Shuffle,
        options.Epochs, options.Device.Trim().ToLowerInvariant(), UpdateForm.Of(options), options.UseBias, options.InitialWeights, options.InitialBias);
}
