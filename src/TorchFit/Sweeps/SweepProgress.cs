namespace TorchFit.Sweeps;

/// <summary>Where a sweep stands.</summary>
/// <param name="Finished">Configurations finished (including skipped ones).</param>
/// <param name="Total">Configurations in this directory's share of the grid.</param>
/// <param name="Skipped">Configurations found finished when the run started.</param>
/// <param name="Current">The configurations training now, in words.</param>
/// <param name="Epoch">The current run's epoch.</param>
/// <param name="Epochs">The current run's epochs.</param>
/// <param name="WorkDone">
/// Configuration-epochs done so far by this run (a row-pass: one configuration over all n rows),
/// whatever the batch size, for the share done.
/// </param>
/// <param name="WorkTotal">Configuration-epochs this run has to do.</param>
/// <param name="Seconds">Wall time of this run so far.</param>
/// <param name="SecondsLeft">
/// Estimated wall time left, from the measured cost of the runs so far (see <see cref="SweepEstimate"/>);
/// null until there is enough to measure.
/// </param>
public sealed record SweepProgress(int Finished, int Total, int Skipped, string Current, int Epoch, int Epochs, double WorkDone, double WorkTotal,
    double Seconds, double? SecondsLeft = null);
