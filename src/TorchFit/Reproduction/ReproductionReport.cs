namespace TorchFit.Reproduction;

/// <summary>The whole reproduction: one result per case.</summary>
/// <param name="Cases">In the order of <see cref="QuestionCases.Create"/>.</param>
/// <param name="Device">Where it ran.</param>
/// <param name="Seed">Problem, init and shuffle seed.</param>
/// <param name="TorchSharpVersion">The TorchSharp assembly's version.</param>
/// <param name="Seconds">Total wall time.</param>
public sealed record ReproductionReport(
    IReadOnlyList<CaseResult> Cases,
    string Device,
    uint Seed,
    string TorchSharpVersion,
    double Seconds);
