using System.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// Work to run with whichever rule a group of configurations needs (see <see cref="UpdateRules.With{T, TResult, TConsumer}"/>):
/// the rule arrives as a type argument, so the code that runs it is compiled for that rule.
/// </summary>
internal interface IRuleConsumer<T, out TResult> where T : unmanaged, IFloatingPointIeee754<T>
{
    TResult Run<TRule>(TRule rule) where TRule : struct, IUpdateRule<T>;
}
