using System.Globalization;
using System.Text.RegularExpressions;

namespace TorchFit.Cli;

/// <summary>
/// Spectre.Console.Cli reports an option value it cannot convert as "Failed to convert '1e10' to
/// Int32.", without the option. This names the option the value was given to, and the values it takes.
/// </summary>
internal static partial class ConversionMessage
{
    /// <summary>The message with the option named, or <paramref name="message"/> as it is when it is not a conversion failure.</summary>
    public static string Describe(string message, IReadOnlyList<string> args)
    {
        var match = Failed().Match(message);
        if (!match.Success) return message;
        string value = match.Groups["value"].Value, type = match.Groups["type"].Value;
        string what = type switch
        {
            "Int32" => string.Create(CultureInfo.InvariantCulture, $"a whole number from {int.MinValue:N0} to {int.MaxValue:N0}"),
            "UInt32" => string.Create(CultureInfo.InvariantCulture, $"a whole number from 0 to {uint.MaxValue:N0}"),
            "Int64" => "a whole number that fits in 64 bits",
            "UInt64" => "a whole number from 0 that fits in 64 bits",
            "Double" or "Single" => "a number",
            "Boolean" => "true or false",
            // An optional option: Spectre names no underlying type, and TorchFit's are all numbers.
            "Nullable`1" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => "a whole number in this option's range",
            "Nullable`1" => "a number",
            _ => $"a {type}",
        };
        string? option = OptionOf(value, args);
        return option is null
            ? $"'{value}' is not {what}"
            : $"{option}: '{value}' is not {what}";
    }

    /// <summary>The option that <paramref name="value"/> follows (--epochs 1e10) or is joined to (--epochs=1e10).</summary>
    private static string? OptionOf(string value, IReadOnlyList<string> args)
    {
        for (int k = 0; k < args.Count; k++)
        {
            if (k > 0 && args[k] == value && args[k - 1].StartsWith('-')) return args[k - 1];
            int equals = args[k].IndexOf('=', StringComparison.Ordinal);
            if (args[k].StartsWith('-') && equals > 0 && args[k][(equals + 1)..] == value) return args[k][..equals];
        }
        return null;
    }

    [GeneratedRegex(@"^Failed to convert '(?<value>.*)' to (?<type>[\w`]+)\.?$", RegexOptions.Singleline)]
    private static partial Regex Failed();
}
