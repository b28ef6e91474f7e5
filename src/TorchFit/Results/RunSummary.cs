namespace TorchFit.Results;

/// <summary>summary.json: the cases and where they ran.</summary>
public sealed record RunSummary
{
    /// <summary>The cases, in the order they ran.</summary>
    public required IReadOnlyList<RunCase> Cases { get; init; }

    /// <summary>TorchSharp's version.</summary>
    public string TorchSharpVersion { get; init; } = BuildInfo.TorchSharpVersion;

    /// <summary>TorchFit's version.</summary>
    public string TorchFitVersion { get; init; } = BuildInfo.TorchFitVersion;

    /// <summary>Where it ran.</summary>
    public required string Device { get; init; }

    /// <summary>Problem, init and shuffle seed.</summary>
    public required uint Seed { get; init; }

    /// <summary>libtorch intra-op threads.</summary>
    public required int Threads { get; init; }

    /// <summary>Total wall time.</summary>
    public required double TotalSeconds { get; init; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.Now;

    /// <summary>reproduce: why full-batch SGD stalls, from the spectrum; null for other verbs.</summary>
    public IReadOnlyList<string>? Why { get; init; }
}
