using TorchFit.Prescriptions;

namespace TorchFit.Reproduction;

/// <summary>The whole reproduction: one result per case, and (from <see cref="Reproducer.Reproduce"/>) why and the fix.</summary>
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
    double Seconds)
{
    /// <summary>Why full-batch SGD stalls on the question's 200×300 problem, from its spectrum; empty from <see cref="Reproducer.Run"/>.</summary>
    public IReadOnlyList<string> Why { get; init; } = [];

    /// <summary>What <see cref="Solver.Solve"/> prescribes for that problem, measured; null when not run or interrupted.</summary>
    public SolveRow? Fix { get; init; }

    /// <summary>True when every case (and the fix, when asked for) finished.</summary>
    public bool Complete { get; init; } = true;
}
