namespace TorchFit.Sweeps;

/// <summary>What a sweep run did.</summary>
/// <param name="Rows">Every finished row in the directory, in grid order.</param>
/// <param name="Manifest">The manifest as written last.</param>
/// <param name="Skipped">Configurations already finished when the run started.</param>
/// <param name="Trained">Configurations this run finished.</param>
/// <param name="Cancelled">True when the run was interrupted before the grid was done.</param>
/// <param name="Seconds">Wall time of this run.</param>
public sealed record SweepOutcome(IReadOnlyList<SweepRow> Rows, SweepManifest Manifest, int Skipped, int Trained, bool Cancelled, double Seconds)
{
    /// <summary>True when every configuration of the directory's share of the grid has a row.</summary>
    public bool Complete => Rows.Count == Manifest.Configurations;
}
