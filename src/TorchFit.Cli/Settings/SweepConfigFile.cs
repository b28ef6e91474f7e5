using System.Text.Json;
using System.Text.Json.Serialization;

namespace TorchFit.Cli.Settings;

/// <summary>
/// The JSON file of <c>torchfit sweep --config</c>. Every field is optional; a flag given on the
/// command line overrides the file. Unknown fields are errors, so a typo is not silently ignored.
/// </summary>
/// <example>
/// { "batchSizes": [1, 8, 32, 200], "learningRates": [0.001, 0.003, 0.01, 0.013], "momenta": [0, 0.9],
///   "nesterov": false, "dtypes": ["float32"], "init": "glorot", "seeds": [0, 1, 2], "epochs": 10000,
///   "target": 1e-10, "stopAtTarget": false }
/// </example>
internal sealed record SweepConfigFile
{
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
    };

    /// <summary>Reads <paramref name="path"/>; errors name the file, line and column.</summary>
    public static SweepConfigFile Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidInputException($"--config {path}: file not found");
        try
        {
            return JsonSerializer.Deserialize<SweepConfigFile>(File.ReadAllText(path), Options)
                ?? throw new InvalidInputException($"--config {path}: the file holds null, expected an object");
        }
        catch (JsonException e)
        {
            string what = e.Message.Split(". Path:")[0].Split(" Path:")[0];
            throw new InvalidInputException($"--config {path}:{e.LineNumber + 1}:{e.BytePositionInLine + 1}: {what}");
        }
    }
}
