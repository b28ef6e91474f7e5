using TorchFit.Problems;

namespace TorchFit.Training.Engines;

/// <summary>What the engines that train one configuration at a time share.</summary>
internal static class EngineRuns
{
    /// <summary>Every configuration in a group of its own.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> OneByOne(IReadOnlyList<TrainingOptions> configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        return [.. Enumerable.Range(0, configurations.Count).Select(k => (IReadOnlyList<int>)[k])];
    }

    /// <summary>Validates every configuration first (nothing runs when one is invalid), then trains them in order with <paramref name="run"/>.</summary>
    public static IReadOnlyList<TrainingResult> EachAlone(LinearProblem problem, IReadOnlyList<TrainingOptions> configurations, Func<TrainingOptions, TrainingResult> run)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(configurations);
        foreach (var options in configurations) options.Validate();
        return [.. configurations.Select(run)];
    }
}
