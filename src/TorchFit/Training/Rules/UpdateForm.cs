namespace TorchFit.Training.Rules;

/// <summary>
/// The shape of a group's update that is fixed for the whole group, as opposed to the scalars each
/// configuration sets: whether a momentum buffer is kept, and whether it is used the Nesterov way.
/// </summary>
/// <param name="UsesMomentum">Some configuration has μ &gt; 0 (the others run the same form with μ = 0, which is plain SGD exactly).</param>
/// <param name="Nesterov">The configurations with μ &gt; 0 use Nesterov momentum.</param>
internal readonly record struct UpdateForm(bool UsesMomentum, bool Nesterov)
{
    /// <summary>The form of a group; throws when it mixes Nesterov and heavy-ball momentum (groups are formed to avoid that).</summary>
    public static UpdateForm Of(IReadOnlyList<TrainingOptions> configurations)
    {
        var withMomentum = configurations.Where(o => o.Momentum > 0).ToList();
        if (withMomentum.Count == 0) return new(false, false);
        bool nesterov = withMomentum[0].Nesterov;
        if (withMomentum.Any(o => o.Nesterov != nesterov))
            throw new InvalidOperationException("one batched run cannot mix Nesterov and heavy-ball momentum");
        return new(true, nesterov);
    }
}
