using System.Text;

namespace TorchFit.Results;

/// <summary>summary.json and summary.csv: the cases of a single-run verb (train, lstsq, reproduce).</summary>
public static class SummaryFiles
{
    /// <summary>summary.json's name.</summary>
    public const string JsonName = "summary.json";

    /// <summary>summary.csv's name.</summary>
    public const string CsvName = "summary.csv";

    /// <summary>summary.csv's header.</summary>
    public const string CsvHeader = "name,n,d,method,batch_size,epochs,learning_rate,momentum,nesterov,dtype,device,mse,solution_norm,seconds,stop,reported_mse,reported_by,semantics,bias";

    /// <summary>The CSV text, one line per case.</summary>
    public static string ToCsv(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var csv = new StringBuilder(CsvHeader).Append('\n');
        foreach (var c in summary.Cases)
            csv.AppendJoin(',', ResultCsv.Quote(c.Name), c.N, c.D, c.Method, c.BatchSize, c.Epochs, ResultCsv.Optional(c.LearningRate),
                ResultCsv.Optional(c.Momentum), c.Nesterov?.ToString().ToLowerInvariant(), c.Dtype, c.Device, ResultCsv.Number(c.Mse),
                ResultCsv.Optional(c.SolutionNorm), ResultCsv.Number(c.Seconds), c.Stop, ResultCsv.Optional(c.ReportedMse),
                c.ReportedBy is null ? "" : ResultCsv.Quote(c.ReportedBy), c.Semantics, ResultCsv.Optional(c.Bias)).Append('\n');
        return csv.ToString();
    }
}
