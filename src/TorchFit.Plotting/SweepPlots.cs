using System.Globalization;
using TorchFit.Sweeps;

namespace TorchFit.Plotting;

/// <summary>
/// The plots of a sweep directory, in <c>plots/</c>: per momentum/dtype slice, a heatmap of log10 final MSE
/// and one of epochs-to-target over batch size × learning rate, and loss curves grouped by batch size.
/// Repeats over seeds are summarised by their median.
/// </summary>
public static class SweepPlots
{
    /// <summary>Writes every plot as PNG and SVG and returns the paths written.</summary>
    public static IReadOnlyList<string> Write(SweepStore store, SweepManifest manifest, IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);
        var written = new List<string>();
        if (rows.Count == 0) return written;
        string directory = Path.Combine(store.Directory, "plots");
        foreach (var slice in rows.GroupBy(r => (r.Momentum, r.Nesterov, r.Dtype)).OrderBy(g => g.Key.Dtype).ThenBy(g => g.Key.Momentum))
        {
            var sliceRows = slice.ToList();
            string name = $"m{Text(slice.Key.Momentum)}{(slice.Key.Nesterov ? "n" : "")}-{slice.Key.Dtype}";
            string label = $"{slice.Key.Dtype}, momentum {Text(slice.Key.Momentum)}{(slice.Key.Nesterov ? " (Nesterov)" : "")}";
            var batches = sliceRows.Select(r => r.BatchSize).Distinct().Order().ToList();
            var rates = sliceRows.Select(r => r.LearningRate).Distinct().Order().ToList();
            double limit = manifest.FullBatchStabilityLimit;
            string subtitle = $"{manifest.Problem.Name}; full-batch stability limit η < {limit:0.#####} (largest η here = {rates[^1] / limit:P0} of it)";
            var mark = LimitMark(rates, limit);

            string[] rowLabels = [.. batches.Select(b => b.ToString(CultureInfo.InvariantCulture))];
            string[] columnLabels = [.. rates.Select(Text)];
            var finalMse = Grid(batches, rates, sliceRows, FinalMseCell);
            written.AddRange(Both(Path.Combine(directory, $"heatmap-final-mse-{name}"), path => HeatmapChart.Save(path, $"Final MSE after {manifest.Grid.Epochs:N0} epochs ({label})",
                new HeatmapData(rowLabels, columnLabels, finalMse.Values, finalMse.Text, "learning rate η", "batch size", "log10 final MSE", subtitle, mark))));

            double target = manifest.Grid.Target;
            var epochs = Grid(batches, rates, sliceRows, EpochsToTargetCell);
            written.AddRange(Both(Path.Combine(directory, $"heatmap-epochs-to-target-{name}"), path => HeatmapChart.Save(path, $"Epochs to MSE ≤ {target:0e+00} ({label})",
                new HeatmapData(rowLabels, columnLabels, epochs.Values, epochs.Text, "learning rate η", "batch size", "epochs to target", subtitle, mark))));

            foreach (int batch in batches)
            {
                ulong seed = sliceRows.Where(r => r.BatchSize == batch).Min(r => r.Seed);   // a shard may lack some seeds
                var series = sliceRows.Where(r => r.BatchSize == batch && r.Seed == seed).OrderBy(r => r.LearningRate)
                    .Select(r => new LossSeries($"η = {Text(r.LearningRate)}" + (r.DivergedAtEpoch is { } e ? $" (diverged @ {e:N0})" : ""), store.ReadHistoryMse(r.History)))
                    .ToList();
                written.AddRange(Both(Path.Combine(directory, $"curves-{name}-batch{batch}"), path => LossCurveChart.Save(path,
                    $"Full-data MSE per epoch, batch size {batch} ({label}, seed {seed})", series, [new ReferenceLevel($"target {target:0e+00}", target)])));
            }
        }
        return written;
    }

    /// <summary>The dashed line at the stability limit, between the learning rates around it (log-interpolated), or at the right edge.</summary>
    private static HeatmapColumnMark? LimitMark(List<double> rates, double limit)
    {
        if (!(limit > 0) || limit < rates[0]) return null;
        string label = $"full-batch limit η < {limit:0.#####}";
        int above = rates.FindIndex(r => r > limit);
        if (above < 0) return new HeatmapColumnMark(rates.Count - 0.5, label);
        double fraction = Math.Log(limit / rates[above - 1]) / Math.Log(rates[above] / rates[above - 1]);
        return new HeatmapColumnMark(above - 1 + fraction, label);
    }

    private static (double[,] Values, string?[,] Text) Grid(List<int> batches, List<double> rates, List<SweepRow> rows,
        Func<List<SweepRow>, (double Value, string Text)> summarise)
    {
        var values = new double[batches.Count, rates.Count];
        var texts = new string?[batches.Count, rates.Count];
        for (int i = 0; i < batches.Count; i++)
            for (int j = 0; j < rates.Count; j++)
            {
                var cell = rows.Where(r => r.BatchSize == batches[i] && r.LearningRate == rates[j]).ToList();
                (values[i, j], texts[i, j]) = cell.Count == 0 ? (double.NaN, "—") : summarise(cell);
            }
        return (values, texts);
    }

    /// <summary>Median log10 final MSE of the seeds that did not diverge; "diverged @ epoch" when none survived.</summary>
    private static (double, string) FinalMseCell(List<SweepRow> cell)
    {
        double median = Median(cell.Where(r => r.DivergedAtEpoch is null).Select(r => Math.Log10(r.FinalMse)));
        return cell.All(r => r.DivergedAtEpoch is not null)
            ? (median, $"diverged\n@ epoch {Median(cell.Select(r => (double)r.DivergedAtEpoch!.Value)):N0}")
            : (median, $"{Math.Pow(10, median):0.0e+00}" + Diverged(cell));
    }

    /// <summary>Median epochs to the target of the seeds that reached it; otherwise why not.</summary>
    private static (double, string) EpochsToTargetCell(List<SweepRow> cell)
    {
        double median = Median(cell.Where(r => r.EpochsToTarget is not null).Select(r => (double)r.EpochsToTarget!.Value));
        return cell.Any(r => r.EpochsToTarget is not null) ? (median, $"{median:N0}" + Missing(cell))
            : (median, cell.All(r => r.DivergedAtEpoch is not null) ? "diverged" : "not reached");
    }

    private static string Diverged(List<SweepRow> cell)
    {
        int diverged = cell.Count(r => r.DivergedAtEpoch is not null);
        return diverged == 0 ? "" : $"\n({diverged}/{cell.Count} diverged)";
    }

    private static string Missing(List<SweepRow> cell)
    {
        int missing = cell.Count(r => r.EpochsToTarget is null);
        return missing == 0 ? "" : $"\n({missing}/{cell.Count} not reached)";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) return double.NaN;
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static IEnumerable<string> Both(string stem, Action<string> save)
    {
        foreach (string extension in new[] { ".png", ".svg" })
        {
            save(stem + extension);
            yield return stem + extension;
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
