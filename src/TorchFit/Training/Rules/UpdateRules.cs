using System.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>The one place that decides which update rule a group of configurations runs.</summary>
internal static class UpdateRules
{
    /// <summary>
    /// Builds the rule of <paramref name="group"/> (one column per configuration, <paramref name="width"/> columns with
    /// padding; with <paramref name="broadcast"/>, one configuration's scalars in every column) and runs
    /// <paramref name="consumer"/> with it.
    /// </summary>
    public static TResult With<T, TResult, TConsumer>(IReadOnlyList<TrainingOptions> group, int width, bool broadcast, TConsumer consumer)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TConsumer : IRuleConsumer<T, TResult> =>
        UpdateForm.Of(group).UsesMomentum
            ? consumer.Run(new SgdRule<T, WithMomentum>(group, width, broadcast))
            : consumer.Run(new SgdRule<T, WithoutMomentum>(group, width, broadcast));
}
