using System.Globalization;
using System.Text;

namespace TorchFit.Results;

/// <summary>
/// A per-epoch history CSV: <c>epoch,history_loss,full_mse</c> and, when timed, <c>seconds</c>
/// (Keras' History loss, the full-data MSE after the epoch, and the time at its end).
/// </summary>
public static class HistoryFile
{
    /// <summary>The header line's start; every history file begins with it.</summary>
    public const string HeaderStart = "epoch,history_loss,full_mse";

    /// <summary>The CSV text of the first <paramref name="epochs"/> epochs.</summary>
    public static string Format(int epochs, IReadOnlyList<double> historyLoss, IReadOnlyList<double> fullMse, IReadOnlyList<double>? seconds)
    {
        ArgumentNullException.ThrowIfNull(historyLoss);
        ArgumentNullException.ThrowIfNull(fullMse);
        var csv = new StringBuilder(HeaderStart).Append(seconds is null ? "\n" : ",seconds\n");
        for (int e = 0; e < epochs; e++)
        {
            csv.Append(e + 1).Append(',').Append(ResultCsv.Number(historyLoss[e])).Append(',').Append(ResultCsv.Number(fullMse[e]));
            if (seconds is not null) csv.Append(',').Append(ResultCsv.Number(seconds[e]));
            csv.Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>The full-data MSE per epoch.</summary>
    /// <exception cref="InvalidInputException">The file is missing or not a history file.</exception>
    public static double[] ReadFullMse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: history file missing");
        var values = new List<double>();
        int line = 0, columns = 0;
        foreach (string text in File.ReadLines(path))
        {
            var cells = text.Split(',');
            if (line++ == 0)
            {
                if (!text.StartsWith(HeaderStart, StringComparison.Ordinal)) throw new InvalidInputException($"{path}:1: expected the header {HeaderStart}[,seconds]");
                columns = cells.Length;
                continue;
            }
            if (cells.Length != columns || !double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double mse))
                throw new InvalidInputException($"{path}:{line}: expected {columns} cells, the third the full-data MSE");
            values.Add(mse);
        }
        return [.. values];
    }

    /// <summary>A file name for a case: "200×300 SGD batch 32, 10,000 epochs" → "200x300-sgd-batch-32-10000-epochs.csv".</summary>
    public static string NameFor(string caseName)
    {
        ArgumentNullException.ThrowIfNull(caseName);
        var slug = new StringBuilder();
        foreach (char ch in caseName.Replace('×', 'x').ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(ch)) slug.Append(ch);
            else if (ch is ',' or '.' or '+') continue;   // 1E+39 is "1e39", not "1e-39"
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return slug.ToString().Trim('-') + ".csv";
    }
}
