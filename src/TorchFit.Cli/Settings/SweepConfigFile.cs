using System.Text.Json;
using System.Text.Json.Serialization;
using TorchFit.IO;
using TorchFit.Training;

namespace TorchFit.Cli.Settings;

/// <summary>
/// The JSON file of <c>torchfit sweep --config</c>. Every field is optional; a flag given on the
/// command line overrides the file. Unknown fields are errors, so a typo is not silently ignored.
/// </summary>
/// <example>
/// { "optimizers": ["sgd", "adam"], "semantics": "keras", "batchSizes": [1, 8, 32, 200], "learningRates": [0.001, 0.003, 0.01, 0.013], "momenta": [0, 0.9],
///   "nesterov": false, "dtypes": ["float32"], "init": "glorot", "seeds": [0, 1, 2], "epochs": 10000,
///   "target": 1e-10, "stopAtTarget": false }
/// </example>
internal sealed record SweepConfigFile
{
    public IReadOnlyList<OptimizerKind>? Optimizers { get; init; }
    public OptimizerSemantics? Semantics { get; init; }
    public IReadOnlyList<int>? BatchSizes { get; init; }
    public IReadOnlyList<double>? LearningRates { get; init; }
    public IReadOnlyList<double>? Momenta { get; init; }
    public bool? Nesterov { get; init; }
    public IReadOnlyList<string>? Dtypes { get; init; }
    public string? Init { get; init; }
    public IReadOnlyList<ulong>? Seeds { get; init; }
    public int? Epochs { get; init; }
    public double? Target { get; init; }
    public bool? StopAtTarget { get; init; }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // "adam", "torch": the names the command line takes; a number or another name is an error at its line and column.
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>A sweep's settings take a few hundred bytes; 1 MiB leaves room for long lists and comments.</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>Reads <paramref name="path"/> (a regular file of at most <see cref="MaxBytes"/>); errors name the file, line and column.</summary>
    public static SweepConfigFile Load(string path)
    {
        string text;
        try
        {
            text = InputFile.ReadAllText(path, MaxBytes, path);
        }
        catch (InvalidInputException e)
        {
            throw new InvalidInputException("--config " + e.Message, e);
        }
        try
        {
            return JsonSerializer.Deserialize<SweepConfigFile>(text, Options)
                ?? throw new InvalidInputException($"--config {path}: the file holds null, expected an object");
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"--config {path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: {Describe(e)}");
        }
    }

    /// <summary>What each field holds, for error messages (and the fields a typo could have meant).</summary>
    private static readonly (string Field, string Holds)[] Fields =
    [
        ("batchSizes", "a list of whole numbers"), ("learningRates", "a list of numbers"), ("momenta", "a list of numbers"),
        ("nesterov", "true or false"), ("dtypes", "a list of \"float32\"/\"float64\""), ("init", "\"glorot\" or \"torch\""),
        ("seeds", "a list of whole numbers ≥ 0"), ("epochs", "a whole number"), ("target", "a number"), ("stopAtTarget", "true or false"),
        ("optimizers", "a list of \"sgd\"/\"adam\"/\"rmsprop\"/\"adagrad\""), ("semantics", "\"keras\" or \"torch\""),
    ];

    /// <summary>System.Text.Json's message in the file's terms: no .NET type or member names.</summary>
    private static string Describe(JsonException e)
    {
        const string unknown = "The JSON property '";
        if (e.Message.StartsWith(unknown, StringComparison.Ordinal))
        {
            string name = e.Message[unknown.Length..].Split('\'')[0];
            return $"unknown field '{name}'; the fields are {string.Join(", ", Fields.Select(f => f.Field))}";
        }
        string? field = e.Path?.TrimStart('$', '.').Split('[', '.')[0];
        var known = Fields.FirstOrDefault(f => f.Field == field);
        if (e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return known.Field is null ? "a value of the wrong type" : $"{known.Field}: expected {known.Holds}";
        return e.Message.Split(". Path:")[0].Split(" Path:")[0].Split(" LineNumber:")[0];
    }
}
