using System.Globalization;
using TorchFit.Diagnostics;
using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Plotting;

/// <summary>
/// The plots of a sweep directory, in <c>plots/</c>: per optimizer/momentum/dtype slice, a heatmap of log10 final MSE
/// and one of epochs-to-target over batch size × learning rate, and loss curves grouped by batch size.
/// Repeats over seeds are summarised by their median, and each heatmap says so; an SGD heatmap's dashed line is
/// the slice's own full-batch stability limit (plain GD, heavy ball or Nesterov). Other optimizers' files start
/// with their name (<c>heatmap-final-mse-adam-m0-float32.png</c>) and draw no limit: the limits are SGD theory.
/// </summary>
public static class SweepPlots
{
    /// <summary>Writes every plot as PNG and SVG and returns the paths written.</summary>
    /// <exception cref="OperationCanceledException">Cancelled; checked before each file, so every file written is whole.</exception>
    public static IReadOnlyList<string> Write(SweepStore store, SweepManifest manifest, IReadOnlyList<SweepRow> rows,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(rows);
        var written = new List<string>();
        if (rows.Count == 0) return written;
        string directory = Path.Combine(store.Directory, "plots");
        var order = Enum.GetValues<OptimizerKind>().Select(HyperParameters.Name).ToList();
        foreach (var slice in rows.GroupBy(r => (r.Optimizer, r.Semantics, r.Momentum, r.Nesterov, r.Dtype))
                     .OrderBy(g => order.IndexOf(g.Key.Optimizer)).ThenBy(g => g.Key.Dtype).ThenBy(g => g.Key.Momentum))
        {
            var sliceRows = slice.ToList();
            bool sgd = slice.Key.Optimizer == HyperParameters.Name(OptimizerKind.Sgd);
            // SGD's names are those of sweeps before there were optimizers; the others start with theirs.
            string name = $"{(sgd ? "" : slice.Key.Optimizer + "-")}m{Text(slice.Key.Momentum)}{(slice.Key.Nesterov ? "n" : "")}-{slice.Key.Dtype}";
            string label = $"{OptimizerTitle(slice.Key.Optimizer)}{(slice.Key.Semantics == "torch" ? " (torch.optim formulas)" : "")}, {slice.Key.Dtype}"
                + (sgd || slice.Key.Momentum > 0 ? $", momentum {Text(slice.Key.Momentum)}{(slice.Key.Nesterov ? " (Nesterov)" : "")}" : "");
            var batches = sliceRows.Select(r => r.BatchSize).Distinct().Order().ToList();
            var rates = sliceRows.Select(r => r.LearningRate).Distinct().Order().ToList();
            // Each method has its own full-batch limit: plain GD's 2/λ_max does not apply to momentum, nor any SGD limit to Adam & co.
            double limit = ConvergenceRate.StableLearningRateLimitFromPlain(manifest.FullBatchStabilityLimit, slice.Key.Momentum, slice.Key.Nesterov);
            string method = ConvergenceRate.MethodName(slice.Key.Momentum, slice.Key.Nesterov);
            string limitLine = sgd
                ? $"full-batch {method} limit η < {ConvergenceRate.StableLearningRateRule(slice.Key.Momentum, slice.Key.Nesterov)} = {limit:0.#####} (largest η here: {100 * rates[^1] / limit:0}% of it)"
                : $"no stability limit drawn: the full-batch limits are SGD theory";
            var mark = sgd ? LimitMark(rates, limit, method) : null;
            var seeds = sliceRows.Select(r => r.Seed).Distinct().Order().ToList();

            string[] rowLabels = [.. batches.Select(b => b.ToString(CultureInfo.InvariantCulture))];
            string[] columnLabels = [.. rates.Select(Text)];
            var finalMse = Grid(batches, rates, sliceRows, FinalMseCell);
            string finalSubtitle = Subtitle(manifest, seeds, "final MSE", "geometric mean", "diverged runs left out", limitLine);
            written.AddRange(Both(Path.Combine(directory, $"heatmap-final-mse-{name}"), path => HeatmapChart.Save(path, $"Final MSE after {manifest.Grid.Epochs:N0} epochs ({label})",
                new HeatmapData(rowLabels, columnLabels, finalMse.Values, finalMse.Text, "learning rate η", "batch size", ColorBar("log10 final MSE", seeds), finalSubtitle, mark)), cancellationToken));

            double target = manifest.Grid.Target;
            var epochs = Grid(batches, rates, sliceRows, EpochsToTargetCell);
            string epochsSubtitle = Subtitle(manifest, seeds, "epochs", "mean", "of the runs that reached it", limitLine);
            written.AddRange(Both(Path.Combine(directory, $"heatmap-epochs-to-target-{name}"), path => HeatmapChart.Save(path, $"Epochs to MSE ≤ {target:0e+00} ({label})",
                new HeatmapData(rowLabels, columnLabels, epochs.Values, epochs.Text, "learning rate η", "batch size", ColorBar("epochs to target", seeds), epochsSubtitle, mark)), cancellationToken));

            foreach (int batch in batches)
            {
                ulong seed = sliceRows.Where(r => r.BatchSize == batch).Min(r => r.Seed);   // a shard may lack some seeds
                var series = sliceRows.Where(r => r.BatchSize == batch && r.Seed == seed).OrderBy(r => r.LearningRate)
                    .Select(r => new LossSeries($"η = {Text(r.LearningRate)}" + (r.DivergedAtEpoch is { } e ? $" (diverged @ {e:N0})" : ""), store.ReadHistoryMse(r.History)))
                    .ToList();
                written.AddRange(Both(Path.Combine(directory, $"curves-{name}-batch{batch}"), path => LossCurveChart.Save(path,
                    $"Full-data MSE per epoch, batch size {batch} ({label}, run seed {seed})", series, [new ReferenceLevel($"target {target:0e+00}", target)]), cancellationToken));
            }
        }
        return written;
    }

    /// <summary>The dashed line at the slice's own stability limit, between the learning rates around it (log-interpolated), or at the right edge.</summary>
    private static HeatmapColumnMark? LimitMark(List<double> rates, double limit, string method)
    {
        if (!(limit > 0) || limit < rates[0]) return null;
        string label = $"{method} limit η < {limit:0.#####}";
        int above = rates.FindIndex(r => r > limit);
        if (above < 0) return new HeatmapColumnMark(rates.Count - 0.5, label);
        double fraction = Math.Log(limit / rates[above - 1]) / Math.Log(rates[above] / rates[above - 1]);
        return new HeatmapColumnMark(above - 1 + fraction, label);
    }

    /// <summary>
    /// The lines under a heatmap's title: the problem (a generated one's seed is in its name: not the runs'
    /// seeds), the runs' seeds (weights and shuffles) and how a cell combines them, and the slice's limit.
    /// </summary>
    private static string Subtitle(SweepManifest manifest, List<ulong> seeds, string quantity, string middleTwo, string which, string limitLine) =>
        seeds.Count == 1
            ? $"problem: {manifest.Problem.Name} · run seed {seeds[0]}\n{limitLine}"
            : $"problem: {manifest.Problem.Name} · run seeds {SeedList(seeds)}\n"
              + $"cell: median {quantity} over the {seeds.Count} run seeds{(seeds.Count % 2 == 0 ? $" ({middleTwo} of the middle two)" : "")}, {which}\n{limitLine}";

    private static string ColorBar(string quantity, List<ulong> seeds) =>
        seeds.Count == 1 ? quantity : $"{quantity}, median of {seeds.Count} seeds";

    private static string SeedList(List<ulong> seeds) =>
        seeds.Count <= 6 ? string.Join(", ", seeds) : $"{seeds[0]}, {seeds[1]}, … {seeds[^1]} ({seeds.Count})";

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

    private static IEnumerable<string> Both(string stem, Action<string> save, CancellationToken cancellationToken)
    {
        foreach (string extension in new[] { ".png", ".svg" })
        {
            cancellationToken.ThrowIfCancellationRequested();
            save(stem + extension);
            yield return stem + extension;
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keras' class name of an optimizer as <see cref="SweepRow.Optimizer"/> names it (the name itself if unknown).</summary>
    private static string OptimizerTitle(string name) =>
        Enum.GetValues<OptimizerKind>().Where(o => HyperParameters.Name(o) == name).Select(OptimizerText.Title).FirstOrDefault() ?? name;
}
