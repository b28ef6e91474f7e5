using System.Globalization;

namespace TorchFit.Cli.Settings;

/// <summary>Comma-separated option values such as <c>--lrs 0.001,0.003,0.01</c>.</summary>
internal static class ListOption
{
    /// <summary>The parsed items; throws <see cref="InvalidInputException"/> naming the option, the bad item and what is <paramref name="expected"/>.</summary>
    public static IReadOnlyList<T> Parse<T>(string option, string text, Func<string, T?> parse, string expected) where T : struct
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries);
        if (items.Length == 0 || items.Any(string.IsNullOrEmpty))
            throw new InvalidInputException($"{option}: expected a comma-separated list such as 1,8,32, got '{text}'");
        return [.. items.Select(item => parse(item) ?? throw new InvalidInputException($"{option}: '{item}' is not {expected}"))];
    }

    public static int? Integer(string item) =>
        int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    public static ulong? Seed(string item) =>
        ulong.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out ulong value) ? value : null;

    public static double? Real(string item) =>
        double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : null;
}
