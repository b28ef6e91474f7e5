namespace TorchFit.Training;

/// <summary>
/// Which optimizer each hyper-parameter of <see cref="TrainingOptions"/> belongs to, as Keras' constructors take them:
/// a setting for another optimizer would silently do nothing, so it is refused.
/// </summary>
public static class HyperParameters
{
    private static readonly Dictionary<string, OptimizerKind[]> Owners = new(StringComparer.Ordinal)
    {
        [nameof(TrainingOptions.Momentum)] = [OptimizerKind.Sgd, OptimizerKind.Rmsprop],
        [nameof(TrainingOptions.Nesterov)] = [OptimizerKind.Sgd],
        [nameof(TrainingOptions.Beta1)] = [OptimizerKind.Adam],
        [nameof(TrainingOptions.Beta2)] = [OptimizerKind.Adam],
        [nameof(TrainingOptions.Amsgrad)] = [OptimizerKind.Adam],
        [nameof(TrainingOptions.Epsilon)] = [OptimizerKind.Adam, OptimizerKind.Rmsprop, OptimizerKind.Adagrad],
        [nameof(TrainingOptions.Rho)] = [OptimizerKind.Rmsprop],
        [nameof(TrainingOptions.Centered)] = [OptimizerKind.Rmsprop],
        [nameof(TrainingOptions.InitialAccumulatorValue)] = [OptimizerKind.Adagrad],
    };

    /// <summary>The <see cref="TrainingOptions"/> properties that belong to some optimizers only.</summary>
    public static IReadOnlyCollection<string> Names => Owners.Keys;

    /// <summary>Whether <paramref name="property"/> (one of <see cref="Names"/>) belongs to <paramref name="optimizer"/>.</summary>
    public static bool Applies(string property, OptimizerKind optimizer) => Owners[property].Contains(optimizer);

    /// <summary>"sgd and rmsprop": the optimizers <paramref name="property"/> (one of <see cref="Names"/>) belongs to.</summary>
    public static string OwnerList(string property)
    {
        var names = Owners[property].Select(Name).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    /// <summary>Throws <see cref="InvalidInputException"/> naming <paramref name="property"/> when it does not belong to <paramref name="optimizer"/>.</summary>
    public static void EnsureApplies(string property, OptimizerKind optimizer)
    {
        if (Applies(property, optimizer)) return;
        throw InvalidInputException.ForOption(property, $"applies to {OwnerList(property)} only, not {Name(optimizer)}");
    }

    /// <summary>The optimizer's Keras-style lower-case name: sgd, adam, rmsprop, adagrad.</summary>
    public static string Name(OptimizerKind optimizer) => optimizer.ToString().ToLowerInvariant();
}
