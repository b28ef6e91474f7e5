using System.Globalization;

namespace TorchFit.Results;

/// <summary>How TorchFit's CSV files write cells: numbers round-trip ("R"), text quoted when it needs it.</summary>
public static class ResultCsv
{
    /// <summary>The shortest text that reads back as the same double (NaN, Infinity, -Infinity as .NET writes them).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Empty for null, else <see cref="Number"/>.</summary>
    public static string Optional(double? value) => value is null ? "" : Number(value.Value);

    /// <summary>The text in double quotes, inner quotes doubled.</summary>
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
