using System.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>The one place that decides which update rule a group of configurations runs, from its <see cref="UpdateForm"/>.</summary>
internal static class UpdateRules
{
    /// <summary>
    /// Builds the rule of <paramref name="group"/> (one column per configuration, <paramref name="width"/> columns with
    /// padding; with <paramref name="broadcast"/>, one configuration's scalars in every column) and runs
    /// <paramref name="consumer"/> with it.
    /// </summary>
    public static TResult With<T, TResult, TConsumer>(IReadOnlyList<TrainingOptions> group, int width, bool broadcast, TConsumer consumer)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TConsumer : IRuleConsumer<T, TResult>
    {
        var form = UpdateForm.Of(group);
        bool keras = form.Semantics == OptimizerSemantics.Keras;
        return form.Optimizer switch
        {
            OptimizerKind.Sgd when !form.UsesMomentum => consumer.Run(new SgdRule<T, WithoutMomentum>(group, width, broadcast)),
            OptimizerKind.Sgd when keras => consumer.Run(new KerasSgdMomentumRule<T>(group, width, broadcast)),
            OptimizerKind.Sgd => consumer.Run(new SgdRule<T, WithMomentum>(group, width, broadcast)),
            OptimizerKind.Adam when keras => consumer.Run(new KerasAdamRule<T>(group, width, broadcast)),
            OptimizerKind.Adam => consumer.Run(new TorchAdamRule<T>(group, width, broadcast)),
            OptimizerKind.Rmsprop when keras => consumer.Run(new KerasRmspropRule<T>(group, width, broadcast)),
            OptimizerKind.Rmsprop => consumer.Run(new TorchRmspropRule<T>(group, width, broadcast)),
            OptimizerKind.Adagrad when keras => consumer.Run(new KerasAdagradRule<T>(group, width, broadcast)),
            OptimizerKind.Adagrad => consumer.Run(new TorchAdagradRule<T>(group, width, broadcast)),
            _ => throw new InvalidOperationException($"no update rule for {form}"),
        };
    }
}
