namespace TorchFit.Cli.Output;

/// <summary>summary.json: the cases and where they ran.</summary>
internal sealed record SummaryDocument(
    IReadOnlyList<SummaryCase> Cases,
    string TorchSharpVersion,
    string TorchFitVersion,
    string Device,
    uint Seed,
    int Threads,
    double TotalSeconds,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string>? Why = null);
