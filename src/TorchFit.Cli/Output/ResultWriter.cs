using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using TorchFit.IO;
using TorchFit.Plotting;

namespace TorchFit.Cli.Output;

/// <summary>Writes the result files of a verb into its output directory, each one atomically.</summary>
internal static class ResultWriter
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // null means something (e.g. epochsToTarget: not reached), so nulls are written, not dropped.
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string ToJson(SummaryDocument summary) => JsonSerializer.Serialize(summary, Json);

    /// <summary>summary.json and summary.csv.</summary>
    public static void WriteSummary(string directory, SummaryDocument summary)
    {
        AtomicFile.WriteText(Path.Combine(directory, "summary.json"), ToJson(summary) + "\n");
        var csv = new StringBuilder("name,n,d,method,batch_size,epochs,learning_rate,momentum,nesterov,dtype,device,mse,solution_norm,seconds,stop,reported_mse,reported_by\n");
        foreach (var c in summary.Cases)
        {
            csv.AppendJoin(',', Quote(c.Name), c.N, c.D, c.Method, c.BatchSize, c.Epochs, Optional(c.LearningRate), Optional(c.Momentum),
                c.Nesterov?.ToString().ToLowerInvariant(), c.Dtype, c.Device, Numbers.Exact(c.Mse), Optional(c.SolutionNorm),
                Numbers.Exact(c.Seconds), c.Stop, Optional(c.ReportedMse), c.ReportedBy is null ? "" : Quote(c.ReportedBy));
            csv.Append('\n');
        }
        AtomicFile.WriteText(Path.Combine(directory, "summary.csv"), csv.ToString());
    }

    /// <summary>One CSV per SGD run: epoch, Keras History loss, full-data MSE, seconds. Returns the file name.</summary>
    public static string WriteHistory(string directory, string caseName, double[] historyLoss, double[] fullMse, double[]? seconds)
    {
        string file = Slug(caseName) + ".csv";
        var csv = new StringBuilder("epoch,history_loss,full_mse");
        csv.Append(seconds is null ? "\n" : ",seconds\n");
        for (int i = 0; i < fullMse.Length; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},{Numbers.Exact(historyLoss[i])},{Numbers.Exact(fullMse[i])}");
            if (seconds is not null) csv.Append(',').Append(Numbers.Exact(seconds[i]));
            csv.Append('\n');
        }
        AtomicFile.WriteText(Path.Combine(directory, file), csv.ToString());
        return file;
    }

    /// <summary>loss-curves.png and loss-curves.svg.</summary>
    public static void WriteLossCurves(string directory, string title, IReadOnlyList<LossSeries> series, IReadOnlyList<ReferenceLevel> levels)
    {
        if (series.Count == 0) return;
        LossCurveChart.Save(Path.Combine(directory, "loss-curves.png"), title, series, levels);
        LossCurveChart.Save(Path.Combine(directory, "loss-curves.svg"), title, series, levels);
    }

    /// <summary>"200×300 SGD batch 32, 10,000 epochs" → "200x300-sgd-batch-32-10000-epochs".</summary>
    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (char ch in name.Replace('×', 'x').ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) slug.Append(ch);
            else if (ch is ',' or '.') continue;
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-');
    }

    private static string Optional(double? value) => value is null ? "" : Numbers.Exact(value.Value);

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
