using System.Globalization;
using System.Text;

namespace TorchFit.Problems.Files;

/// <summary>Writes a problem as CSV: a header a1..ad,b, then one row per equation, each double in its shortest round-trip form.</summary>
internal static class CsvProblemWriter
{
    public static void Write(string path, LinearProblem problem)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Enumerable.Range(1, problem.Columns).Select(j => $"a{j}").Append("b")));
        var line = new StringBuilder();
        for (int i = 0; i < problem.Rows; i++)
        {
            line.Clear();
            foreach (double value in problem.Matrix.Slice(i * problem.Columns, problem.Columns))
                line.Append(value.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            line.Append(problem.Target[i].ToString("R", CultureInfo.InvariantCulture));
            writer.WriteLine(line);
        }
    }
}
