using Spectre.Console;
using TorchFit.Diagnostics;
using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Cli.Output;

/// <summary>The table and notes <c>torchfit sweep</c>, <c>plot</c> and <c>merge</c> print.</summary>
internal static class SweepView
{
    private const int MaxTableRows = 40;

    public static void Show(IAnsiConsole console, SweepManifest manifest, IReadOnlyList<SweepRow> rows)
    {
        // Only the settings that vary get a column, so the table stays narrow.
        bool momenta = rows.Select(r => (r.Momentum, r.Nesterov)).Distinct().Count() > 1, dtypes = rows.Select(r => r.Dtype).Distinct().Count() > 1,
            seeds = rows.Select(r => r.Seed).Distinct().Count() > 1, optimizers = rows.Any(r => r.Optimizer != Sgd);
        string semantics = rows.Any(r => r.Semantics == "torch") ? ", torch.optim formulas" : "";
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{manifest.Problem.Name}: {Numbers.Count(manifest.Grid.Epochs)} epochs per configuration ({manifest.Engine} engine, {manifest.Device}{semantics})"));
        if (optimizers) table.AddColumn("optimizer");
        table.AddColumn(Numbers.Column("batch")).AddColumn(Numbers.Column("lr"));
        if (momenta) table.AddColumn(Numbers.Column("μ"));
        if (dtypes) table.AddColumn("dtype");
        if (seeds) table.AddColumn(Numbers.Column("seed"));
        table.AddColumn(Numbers.Column("final MSE")).AddColumn(Numbers.Column("best MSE"))
            .AddColumn(Numbers.Column($"epochs to {Numbers.Mse(manifest.Grid.Target)}")).AddColumn("stopped");
        foreach (var r in rows.Take(MaxTableRows))
        {
            var cells = new List<string>();
            if (optimizers) cells.Add(r.Optimizer);
            cells.AddRange([Numbers.Count(r.BatchSize), Numbers.Exact(r.LearningRate)]);
            if (momenta) cells.Add(Numbers.Exact(r.Momentum) + (r.Nesterov ? " N" : ""));
            if (dtypes) cells.Add(r.Dtype);
            if (seeds) cells.Add($"{r.Seed}");
            cells.AddRange([Numbers.Mse(r.FinalMse), Numbers.Mse(r.BestMse), r.EpochsToTarget is { } e ? Numbers.Count(e) : "—",
                r.DivergedAtEpoch is { } at ? $"diverged @ {Numbers.Count(at)}" : r.Stop == "reachedtarget" ? "at target" : "—"]);
            table.AddRow([.. cells.Select(Markup.Escape)]);
        }
        Numbers.Write(console, table);
        if (rows.Count > MaxTableRows) console.MarkupLine(Markup.Escape($"(first {MaxTableRows} of {rows.Count} rows; all of them are in results.csv)"));

        // Each method has its own full-batch limit: plain GD's 2/λ_max does not apply to momentum. The limits are SGD theory:
        // Adam, RMSprop and Adagrad scale each step by their own statistics, so none is quoted for them.
        foreach (var method in rows.Where(r => r.Optimizer == Sgd).GroupBy(r => (r.Momentum, r.Nesterov)).OrderBy(g => g.Key.Momentum).ThenBy(g => g.Key.Nesterov))
        {
            var (momentum, nesterov) = method.Key;
            double limit = Limit(manifest, momentum, nesterov);
            var rates = method.Select(r => r.LearningRate).Distinct().Order().ToList();
            var near = rates.Where(lr => lr <= limit && lr >= 0.9 * limit).ToList();
            var above = rates.Where(lr => lr > limit).ToList();
            string where = string.Join(" ", new[]
            {
                near.Count > 0 ? $"lr {string.Join(", ", near.Select(Numbers.Exact))} sits at its edge ({string.Join(", ", near.Select(lr => $"{lr / limit:P0}"))} of it)." : "",
                above.Count > 0 ? $"lr {string.Join(", ", above.Select(Numbers.Exact))} is above it: full-batch runs there diverge." : "",
            }.Where(s => s.Length > 0));
            string which = ConvergenceRate.MethodName(momentum, nesterov) + (momentum == 0 ? "" : $", μ {Numbers.Exact(momentum)}");
            console.MarkupLine(Markup.Escape($"Full-batch stability limit ({which}) {ConvergenceRate.StableLearningRateRule(momentum, nesterov)} = {limit:0.#####}. {where}".TrimEnd()));
        }
        var others = rows.Where(r => r.Optimizer != Sgd).Select(r => r.Optimizer).Distinct().ToList();
        if (others.Count > 0)
            console.MarkupLine(Markup.Escape($"The full-batch stability limits are SGD theory: none is quoted for {string.Join(", ", others)}."));
        foreach (var r in rows.Where(r => r.DivergedAtEpoch is not null).Take(8))
        {
            string where = $"batch {r.BatchSize}, lr {Numbers.Exact(r.LearningRate)}, μ {Numbers.Exact(r.Momentum)}, seed {r.Seed} at epoch {Numbers.Count(r.DivergedAtEpoch!.Value)}";
            console.MarkupLine(Markup.Escape(r.Optimizer == Sgd
                ? $"  diverged: {(optimizers ? "sgd, " : "")}{where} (full-batch {ConvergenceRate.MethodName(r.Momentum, r.Nesterov)} limit η < {Limit(manifest, r.Momentum, r.Nesterov):0.#####})"
                : $"  diverged: {r.Optimizer}, {where}"));
        }
    }

    /// <summary>The optimizer whose stability limits the notes quote, as <see cref="SweepRow.Optimizer"/> names it.</summary>
    private static readonly string Sgd = HyperParameters.Name(OptimizerKind.Sgd);

    private static double Limit(SweepManifest manifest, double momentum, bool nesterov) =>
        ConvergenceRate.StableLearningRateLimitFromPlain(manifest.FullBatchStabilityLimit, momentum, nesterov);
}
