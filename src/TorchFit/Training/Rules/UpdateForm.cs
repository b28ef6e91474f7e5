namespace TorchFit.Training.Rules;

/// <summary>
/// What fixes the code of an update, as opposed to the scalars each configuration sets: the optimizer, whose
/// formulas (<see cref="OptimizerSemantics"/>), and the optional state it keeps. Configurations of one form share
/// a batched run (<see cref="Batched.BatchGroupKey"/>); <see cref="UpdateRules"/> picks the rule from it.
/// </summary>
/// <param name="Optimizer">The optimizer.</param>
/// <param name="Semantics">Keras' or PyTorch's formulas (always Keras for plain SGD, which both compute alike).</param>
/// <param name="UsesMomentum">SGD or RMSprop with μ &gt; 0 keeps a momentum buffer.</param>
/// <param name="Nesterov">SGD momentum used the Nesterov way.</param>
/// <param name="Amsgrad">Adam keeps the maximum of past second moments.</param>
/// <param name="Centered">RMSprop keeps the average gradient.</param>
internal readonly record struct UpdateForm(OptimizerKind Optimizer, OptimizerSemantics Semantics, bool UsesMomentum, bool Nesterov, bool Amsgrad, bool Centered)
{
    /// <summary>The form of one configuration.</summary>
    public static UpdateForm Of(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool momentum = options.Momentum > 0 && options.Optimizer is OptimizerKind.Sgd or OptimizerKind.Rmsprop;
        // Plain SGD is w ← w − η·g under both semantics: one form, so the two share a batched run.
        var semantics = options.Optimizer == OptimizerKind.Sgd && !momentum ? OptimizerSemantics.Keras : options.Semantics;
        return new(options.Optimizer, semantics, momentum, momentum && options.Nesterov && options.Optimizer == OptimizerKind.Sgd,
            options.Amsgrad && options.Optimizer == OptimizerKind.Adam, options.Centered && options.Optimizer == OptimizerKind.Rmsprop);
    }

    /// <summary>The form of a group; throws when its configurations differ in it (groups are formed by it).</summary>
    public static UpdateForm Of(IReadOnlyList<TrainingOptions> configurations)
    {
        ArgumentNullException.ThrowIfNull(configurations);
        var form = Of(configurations[0]);
        if (configurations.Any(options => Of(options) != form))
            throw new InvalidOperationException("one batched run cannot mix update forms (optimizer, semantics, momentum, Nesterov, AMSGrad, centered)");
        return form;
    }
}
