using Spectre.Console;

namespace TorchFit.Cli.Settings;

/// <summary>Options whose value names a library enum member, in lower case on the command line (--engine fused, --optimizer adam, …).</summary>
internal static class EnumChoice
{
    /// <summary>The member named <paramref name="value"/> (any case, no numbers), or null.</summary>
    public static TEnum? Parse<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var member) && Enum.IsDefined(member) && !int.TryParse(value, out _) ? member : null;

    /// <summary>The command line's name of <paramref name="member"/>.</summary>
    public static string Name<TEnum>(TEnum member) where TEnum : struct, Enum => member.ToString().ToLowerInvariant();

    /// <summary>"a, b or c": the names of every member.</summary>
    public static string Names<TEnum>() where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Select(Name).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    /// <summary>Success for null or a member's name, else "FLAG must be a, b or c, got 'x'".</summary>
    public static ValidationResult Validate<TEnum>(string flag, string? value) where TEnum : struct, Enum =>
        value is null || Parse<TEnum>(value) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error($"{flag} must be {Names<TEnum>()}, got '{value}'");
}
