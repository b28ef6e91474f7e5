using System.Globalization;

namespace TorchFit.Problems.Files;

/// <summary>
/// Reads a problem from delimited text: one row per equation, the features of A, then b (or the
/// target column the caller names). The delimiter is the first of comma, semicolon or tab that
/// the first row holds, else runs of spaces (np.savetxt's default). Blank lines and lines that
/// start with # are skipped. The first row is a header when none of its cells is a number.
/// Errors name the line and column (field) as <c>file:LINE:COLUMN</c>, both counted from 1.
/// </summary>
internal static class CsvProblemReader
{
    public static LoadedProblem Read(string path, string? targetColumn)
    {
        using var stream = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var reader = new TextLineReader(stream, path);
        char? delimiter = null;
        string[]? header = null;
        int width = 0, firstDataLine = 0, rows = 0, lineNumber = 0;
        var values = new List<double>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string text = line.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            delimiter ??= Delimiter(text);
            var cells = Split(text, delimiter.Value);
            if (width == 0)
            {
                width = cells.Length;
                if (width < 2)
                    throw new InvalidInputException($"{path}:{lineNumber}: a problem needs at least 2 columns (the features of A, then b), found 1");
                if (cells.All(c => !IsNumber(c)))
                {
                    header = cells;
                    continue;
                }
            }
            if (cells.Length != width)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                    $"{path}:{lineNumber}: {cells.Length} columns, but {(header is null ? "the first row" : "the header")} has {width}; every row needs the same columns"));
            if ((double)(rows + 1) * (width - 1) > ProblemGenerator.MaxEntries) ProblemMemory.EnsureFits(rows + 1L, width - 1L, path);
            if (firstDataLine == 0) firstDataLine = lineNumber;
            for (int k = 0; k < cells.Length; k++) values.Add(Parse(cells[k], path, lineNumber, k + 1));
            rows++;
        }
        if (rows == 0)
            throw new InvalidInputException($"{path}: no data rows" + (header is null ? "" : " after the header"));

        int target = TargetIndex(targetColumn, header, width, path);
        var matrix = new double[(long)rows * (width - 1)];
        var b = new double[rows];
        for (int i = 0, m = 0; i < rows; i++)
            for (int k = 0; k < width; k++)
            {
                double value = values[i * width + k];
                if (k == target) b[i] = value;
                else matrix[m++] = value;
            }
        var problem = LinearProblem.Adopt(path, rows, width - 1, matrix, b);
        return new LoadedProblem(problem, path, "csv", new StoredArray("A", "text", [rows, width - 1], false), new StoredArray("b", "text", [rows], false));
    }

    /// <summary>The 0-based index of b: the last column, a 1-based number (negative counts from the end), or a header name.</summary>
    private static int TargetIndex(string? column, string[]? header, int width, string path)
    {
        if (string.IsNullOrWhiteSpace(column)) return width - 1;
        if (int.TryParse(column, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
        {
            if (number >= 1 && number <= width) return number - 1;
            if (number <= -1 && number >= -width) return width + number;
            throw new InvalidInputException($"{path}: target column {number} is out of range: the file has {width} columns (1 to {width}, or -1 for the last)");
        }
        if (header is null)
            throw new InvalidInputException($"{path}: has no header row, so the target column must be a number, not '{column}'");
        int index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.Ordinal));
        if (index < 0) index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index
            : throw new InvalidInputException($"{path}: no column named '{column}' (the header has {string.Join(", ", header.Select(h => $"'{h}'"))})");
    }

    private static char Delimiter(string firstRow) =>
        firstRow.Contains(',', StringComparison.Ordinal) ? ','
        : firstRow.Contains(';', StringComparison.Ordinal) ? ';'
        : firstRow.Contains('\t', StringComparison.Ordinal) ? '\t'
        : ' ';

    private static string[] Split(string row, char delimiter)
    {
        var cells = delimiter == ' '
            ? row.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            : row.Split(delimiter);
        for (int k = 0; k < cells.Length; k++)
        {
            string cell = cells[k].Trim();
            if (cell.Length >= 2 && cell[0] == '"' && cell[^1] == '"') cell = cell[1..^1].Trim();
            cells[k] = cell;
        }
        return cells;
    }

    private static bool IsNumber(string cell) => TryParse(cell, out _);

    private static bool TryParse(string cell, out double value)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        // NumPy and pandas write nan and inf; read them so that they are refused as such, not as text.
        value = cell.ToLowerInvariant() switch
        {
            "nan" or "+nan" or "-nan" => double.NaN,
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            _ => 0,
        };
        return value != 0;
    }

    private static double Parse(string cell, string path, int line, int column)
    {
        if (cell.Length == 0) throw new InvalidInputException($"{path}:{line}:{column}: empty cell");
        if (!TryParse(cell, out double value))
            throw new InvalidInputException($"{path}:{line}:{column}: '{Shorten(cell)}' is not a number");
        if (!double.IsFinite(value))
            throw new InvalidInputException($"{path}:{line}:{column}: {(double.IsNaN(value) ? "NaN" : value > 0 ? "Inf" : "-Inf")}; NaN and Inf are not allowed");
        return value;
    }

    private static string Shorten(string cell) => cell.Length <= 40 ? cell : cell[..40] + "…";
}
