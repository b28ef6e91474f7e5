using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchFit.Results;

/// <summary>The one JSON setting of every file TorchFit writes and reads back.</summary>
public static class ResultJson
{
    /// <summary>
    /// camelCase, indented, nulls kept (null means something, e.g. epochsToTarget: not reached),
    /// NaN/Infinity as literals, and text as it is (×, λ, ', +), not as \uXXXX escapes.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The indented document.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>One line (for line-per-row logs).</summary>
    public static string SerializeLine<T>(T value) => JsonSerializer.Serialize(value, Compact);

    /// <summary>Reads <paramref name="path"/>, or null when it does not exist.</summary>
    /// <exception cref="InvalidInputException">The file is not valid JSON of this shape.</exception>
    public static T? Read<T>(string path) where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) return null;
        return Parse<T>(File.ReadAllText(path), path, 0) ?? throw new InvalidInputException($"{path}: empty JSON document");
    }

    /// <summary>Parses <paramref name="json"/>; errors name <paramref name="source"/> and the line (offset by <paramref name="firstLine"/>).</summary>
    public static T? Parse<T>(string json, string source, int firstLine)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Reading);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"{source}:{firstLine + (e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not a TorchFit file ({e.Message.Split('.')[0]})", e);
        }
    }

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically, with a final newline.</summary>
    public static void Write<T>(string path, T value) => IO.AtomicFile.WriteText(path, Serialize(value) + "\n");

    private static readonly JsonSerializerOptions Compact = new(Options) { WriteIndented = false };

    // Reading is strict: a null where the record allows none, or a missing constructor argument, is an error.
    private static readonly JsonSerializerOptions Reading = new(Options) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };
}
