using System.Text;
using System.Text.Json;
using TorchFit.IO;
using TorchFit.Results;
using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>
/// A sweep directory: manifest.json, results.csv, results.json, histories/KEY.csv and, while a run
/// is going, results.jsonl. Each finished group of configurations is appended to results.jsonl (one
/// row per line, flushed to the OS), so the cost per row is constant however large the grid; the
/// complete results.json and results.csv are written (compacted) when a run starts and ends. Other
/// files are written whole under a temporary name and moved into place. An interrupted sweep thus
/// leaves every file either as it was or complete, and every appended row readable.
/// </summary>
public sealed class SweepStore(string directory)
{
    /// <summary>The JSON settings of every sweep file (<see cref="ResultJson.Options"/>).</summary>
    public static JsonSerializerOptions Json => ResultJson.Options;

    /// <summary>The directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>manifest.json's path.</summary>
    public string ManifestPath => Path.Combine(Directory, "manifest.json");

    /// <summary>results.json's path.</summary>
    public string ResultsJsonPath => Path.Combine(Directory, "results.json");

    /// <summary>results.csv's path.</summary>
    public string ResultsCsvPath => Path.Combine(Directory, "results.csv");

    /// <summary>results.jsonl's path: rows appended since the last compaction.</summary>
    public string ResultsLogPath => Path.Combine(Directory, "results.jsonl");

    /// <summary>The manifest, or null when the directory holds none.</summary>
    public SweepManifest? ReadManifest() => ResultJson.Read<SweepManifest>(ManifestPath);

    /// <summary>
    /// The finished rows of results.json and results.jsonl, in grid order. A row logged again
    /// (a run killed while compacting) counts once; a torn last log line (killed while appending) is ignored.
    /// </summary>
    /// <exception cref="InvalidInputException">A row is malformed, or a configuration has two different rows.</exception>
    public IReadOnlyList<SweepRow> ReadRows()
    {
        var rows = new Dictionary<string, SweepRow>();
        var compacted = ResultJson.Read<List<SweepRow>>(ResultsJsonPath) ?? [];
        foreach (var row in compacted)
        {
            Check(row, ResultsJsonPath);
            if (!rows.TryAdd(row.Key, row))
                throw new InvalidInputException($"{ResultsJsonPath}: configuration {row.Key} appears twice");
        }
        foreach (var (row, line) in ReadLog())
        {
            Check(row, $"{ResultsLogPath}:{line}");
            if (rows.TryGetValue(row.Key, out var seen) && seen != row)
                throw new InvalidInputException($"{ResultsLogPath}:{line}: configuration {row.Key} differs from its earlier row");
            rows[row.Key] = row;
        }
        return [.. rows.Values.OrderBy(r => r.Index)];
    }

    /// <summary>Writes manifest.json.</summary>
    public void WriteManifest(SweepManifest manifest) => ResultJson.Write(ManifestPath, manifest);

    /// <summary>Appends finished rows to results.jsonl; constant cost per row.</summary>
    public void AppendRows(IEnumerable<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        foreach (var row in rows) text.Append(ResultJson.SerializeLine(row)).Append('\n');
        try
        {
            using var log = new FileStream(ResultsLogPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            log.Write(Encoding.UTF8.GetBytes(text.ToString()));
            log.Flush(flushToDisk: true);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw DiskFull.Error(ResultsLogPath, e);
        }
    }

    /// <summary>Writes results.json and results.csv with <paramref name="rows"/> in grid order, then drops results.jsonl.</summary>
    public void WriteRows(IEnumerable<SweepRow> rows)
    {
        var ordered = rows.OrderBy(r => r.Index).ToList();
        ResultJson.Write(ResultsJsonPath, ordered);
        var csv = new StringBuilder("index,key,optimizer,semantics,batch_size,learning_rate,momentum,nesterov,dtype,seed,epochs,epochs_run,initial_mse,final_mse,best_mse,"
            + "target,epochs_to_target,diverged_at_epoch,stop,seconds,trained_with,engine,full_batch_stability_limit,history\n");
        foreach (var r in ordered)
            csv.AppendJoin(',', r.Index, r.Key, r.Optimizer, r.Semantics, r.BatchSize, ResultCsv.Number(r.LearningRate), ResultCsv.Number(r.Momentum), r.Nesterov ? "true" : "false",
                r.Dtype, r.Seed, r.Epochs, r.EpochsRun, ResultCsv.Number(r.InitialMse), ResultCsv.Number(r.FinalMse), ResultCsv.Number(r.BestMse),
                ResultCsv.Number(r.Target), r.EpochsToTarget, r.DivergedAtEpoch, r.Stop, ResultCsv.Number(r.Seconds), r.TrainedWith, r.Engine,
                ResultCsv.Number(r.FullBatchStabilityLimit), r.History).Append('\n');
        AtomicFile.WriteText(ResultsCsvPath, csv.ToString());
        // Only now: a run killed before this line leaves rows in both files, which ReadRows counts once.
        File.Delete(ResultsLogPath);
    }

    /// <summary>The history file's path relative to the directory: the only form a row's history may take.</summary>
    public static string HistoryName(string key) => $"histories/{key}.csv";

    /// <summary>The full path of <paramref name="row"/>'s history, checked to be <see cref="HistoryName"/> inside the directory.</summary>
    /// <exception cref="InvalidInputException">The row names any other path.</exception>
    public string HistoryPath(SweepRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.History != HistoryName(row.Key))
            throw new InvalidInputException($"{ResultsJsonPath}: configuration {row.Key}: history '{row.History}' is not {HistoryName(row.Key)}");
        return ContainedPath.Resolve(Directory, row.History, $"{ResultsJsonPath}: configuration {row.Key}: history");
    }

    /// <summary>Writes one configuration's per-epoch history: epoch, Keras History loss, full-data MSE, seconds.</summary>
    public void WriteHistory(string key, TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteText(Path.Combine(Directory, HistoryName(key)),
            HistoryFile.Format(result.EpochsCompleted, result.HistoryLoss, result.FullMse, result.EpochEndSeconds));
    }

    /// <summary>The full-data MSE per epoch from a history file (relative to the directory).</summary>
    public double[] ReadHistoryMse(string history) =>
        HistoryFile.ReadFullMse(ContainedPath.Resolve(Directory, history, $"{ResultsJsonPath}: history"));

    private IEnumerable<(SweepRow Row, int Line)> ReadLog()
    {
        if (!File.Exists(ResultsLogPath)) yield break;
        string text = File.ReadAllText(ResultsLogPath);
        var lines = text.Split('\n');
        // The last element is "" after a final newline, or a line torn by a kill: skipped either way.
        for (int i = 0; i < lines.Length - 1; i++)
        {
            if (lines[i].Length == 0) continue;
            var row = ResultJson.Parse<SweepRow>(lines[i], ResultsLogPath, i)
                ?? throw new InvalidInputException($"{ResultsLogPath}:{i + 1}: null row");
            yield return (row, i + 1);
        }
    }

    /// <summary>What every row must hold: a key and its history file named after it.</summary>
    private static void Check(SweepRow row, string source)
    {
        if (row is null) throw new InvalidInputException($"{source}: null row");
        if (string.IsNullOrWhiteSpace(row.Key)) throw new InvalidInputException($"{source}: configuration {row.Index} has no key");
        if (row.Key.IndexOfAny(['/', '\\', '\0']) >= 0 || row.Key.Contains("..", StringComparison.Ordinal))
            throw new InvalidInputException($"{source}: configuration {row.Index}: key '{row.Key}' is not a file name");
        if (row.History != HistoryName(row.Key))
            throw new InvalidInputException($"{source}: configuration {row.Key}: history '{row.History}' is not {HistoryName(row.Key)}");
    }
}
