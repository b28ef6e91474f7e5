using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchFit.IO;
using TorchFit.Training;

namespace TorchFit.Sweeps;

/// <summary>
/// A sweep directory: manifest.json, results.csv, results.json and histories/KEY.csv. Every file is
/// written whole under a temporary name and moved into place, so an interrupted sweep leaves each
/// file either as it was or complete.
/// </summary>
public sealed class SweepStore(string directory)
{
    /// <summary>The JSON settings of every sweep file: camelCase, indented, nulls kept, NaN/Infinity as literals.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Files for people too: keep ×, λ and + as they are instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>manifest.json's path.</summary>
    public string ManifestPath => Path.Combine(Directory, "manifest.json");

    /// <summary>results.json's path.</summary>
    public string ResultsJsonPath => Path.Combine(Directory, "results.json");

    /// <summary>results.csv's path.</summary>
    public string ResultsCsvPath => Path.Combine(Directory, "results.csv");

    /// <summary>The manifest, or null when the directory holds none.</summary>
    public SweepManifest? ReadManifest() => Read<SweepManifest>(ManifestPath);

    /// <summary>The finished rows, or none.</summary>
    public IReadOnlyList<SweepRow> ReadRows() => Read<List<SweepRow>>(ResultsJsonPath) ?? [];

    /// <summary>Writes manifest.json.</summary>
    public void WriteManifest(SweepManifest manifest) =>
        AtomicFile.WriteText(ManifestPath, JsonSerializer.Serialize(manifest, Json) + "\n");

    /// <summary>Writes results.json and results.csv with <paramref name="rows"/> in grid order.</summary>
    public void WriteRows(IEnumerable<SweepRow> rows)
    {
        var ordered = rows.OrderBy(r => r.Index).ToList();
        AtomicFile.WriteText(ResultsJsonPath, JsonSerializer.Serialize(ordered, Json) + "\n");
        var csv = new StringBuilder("index,key,batch_size,learning_rate,momentum,nesterov,dtype,seed,epochs,epochs_run,initial_mse,final_mse,best_mse,"
            + "target,epochs_to_target,diverged_at_epoch,stop,seconds,trained_with,engine,full_batch_stability_limit,history\n");
        foreach (var r in ordered)
            csv.AppendJoin(',', r.Index, r.Key, r.BatchSize, Number(r.LearningRate), Number(r.Momentum), r.Nesterov ? "true" : "false", r.Dtype, r.Seed,
                r.Epochs, r.EpochsRun, Number(r.InitialMse), Number(r.FinalMse), Number(r.BestMse), Number(r.Target), r.EpochsToTarget, r.DivergedAtEpoch,
                r.Stop, Number(r.Seconds), r.TrainedWith, r.Engine, Number(r.FullBatchStabilityLimit), r.History).Append('\n');
        AtomicFile.WriteText(ResultsCsvPath, csv.ToString());
    }

    /// <summary>The history file's path relative to the directory.</summary>
    public static string HistoryName(string key) => $"histories/{key}.csv";

    /// <summary>Writes one configuration's per-epoch history: epoch, Keras History loss, full-data MSE, seconds.</summary>
    public void WriteHistory(string key, TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var csv = new StringBuilder("epoch,history_loss,full_mse,seconds\n");
        for (int e = 0; e < result.EpochsCompleted; e++)
            csv.Append(e + 1).Append(',').Append(Number(result.HistoryLoss[e])).Append(',').Append(Number(result.FullMse[e]))
                .Append(',').Append(Number(result.EpochEndSeconds[e])).Append('\n');
        AtomicFile.WriteText(Path.Combine(Directory, HistoryName(key)), csv.ToString());
    }

    /// <summary>The full-data MSE per epoch from a history file (relative to the directory).</summary>
    public double[] ReadHistoryMse(string history)
    {
        string path = Path.Combine(Directory, history);
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: history file missing");
        var values = new List<double>();
        int line = 0;
        foreach (string text in File.ReadLines(path))
        {
            if (line++ == 0) continue;
            var cells = text.Split(',');
            if (cells.Length != 4 || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double mse))
                throw new InvalidInputException($"{path}:{line}: expected epoch,history_loss,full_mse,seconds");
            values.Add(mse);
        }
        return [.. values];
    }

    private static T? Read<T>(string path) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json)
                ?? throw new InvalidInputException($"{path}: empty JSON document");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: not a TorchFit sweep file ({e.Message.Split('.')[0]})");
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
