namespace TorchFit.Training.Batched;

/// <summary>
/// Merges the progress of parts trained on separate threads into one report stream: once every part
/// has reported, each report carries the slowest part's epoch, the best MSE and the longest time.
/// Reports reach the target one at a time (under a lock), as a single-threaded run would send them.
/// </summary>
internal sealed class CombinedProgress(IProgress<TrainingProgress> target, int parts)
{
    private readonly TrainingProgress?[] _latest = new TrainingProgress?[parts];
    private readonly Lock _gate = new();

    /// <summary>The progress sink for part <paramref name="part"/>.</summary>
    public IProgress<TrainingProgress> For(int part) => new Part(this, part);

    private void Report(int part, TrainingProgress value)
    {
        lock (_gate)
        {
            _latest[part] = value;
            if (Array.Exists(_latest, p => p is null)) return;
            int epoch = int.MaxValue;
            double mse = double.PositiveInfinity, seconds = 0;
            foreach (var latest in _latest)
            {
                epoch = Math.Min(epoch, latest!.Value.Epoch);
                mse = Math.Min(mse, latest.Value.Mse);   // Math.Min keeps a NaN, as Enumerable.Min did
                seconds = Math.Max(seconds, latest.Value.Seconds);
            }
            target.Report(new TrainingProgress(epoch, value.Epochs, mse, seconds));
        }
    }

    private sealed class Part(CombinedProgress owner, int part) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => owner.Report(part, value);
    }
}
