using TorchFit.Training.Rules;

namespace TorchFit.Training.Batched;

/// <summary>
/// What configurations trained as one batched run share: everything that decides the batches, the start and the
/// shape of the update; they may differ in the scalars of the rule (learning rate, momentum), target and divergence bound.
/// </summary>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="Seed">Seed of the initial weights and the shuffles.</param>
/// <param name="Precision">Training dtype.</param>
/// <param name="Init">Kernel initialiser.</param>
/// <param name="Shuffle">Whether rows are reshuffled every epoch.</param>
/// <param name="Epochs">Passes over the data.</param>
/// <param name="Device">The device name, trimmed and lower-case.</param>
/// <param name="Nesterov">Momentum used the Nesterov way (μ &gt; 0 and Nesterov): it cannot share a run with heavy ball.</param>
/// <param name="InitialWeights">The given start, compared by reference (null: drawn from the seed).</param>
internal sealed record BatchGroupKey(int BatchSize, ulong Seed, Precision Precision, WeightInit Init, bool Shuffle, int Epochs, string Device,
    bool Nesterov, IReadOnlyList<double>? InitialWeights)
{
    /// <summary>The key of <paramref name="options"/>.</summary>
    public static BatchGroupKey Of(TrainingOptions options) => new(options.BatchSize, options.Seed, options.Precision, options.Init, options.Shuffle,
        options.Epochs, options.Device.Trim().ToLowerInvariant(), options.Nesterov && options.Momentum > 0, options.InitialWeights);
}
