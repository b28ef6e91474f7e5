namespace TorchFit.Training.Batched;

/// <summary>What configurations trained as one batched run share (see <see cref="BatchedTrainer.GroupKey"/>).</summary>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="Seed">Seed of the initial weights and the shuffles.</param>
/// <param name="Precision">Training dtype.</param>
/// <param name="Init">Kernel initialiser.</param>
/// <param name="Shuffle">Whether rows are reshuffled every epoch.</param>
/// <param name="Epochs">Passes over the data.</param>
public sealed record BatchGroupKey(int BatchSize, ulong Seed, Precision Precision, WeightInit Init, bool Shuffle, int Epochs);
