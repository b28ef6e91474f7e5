namespace TorchFit.Training.Rules;

/// <summary>
/// What Adam's per-step scalars are computed from, per configuration: η, β₁ and β₂ as given. Both Adam rules
/// compute their bias corrections from them in <see cref="IUpdateRule{T}.BeginStep"/>, each its own way (Keras
/// in the training dtype, TorchSharp in double), into a row of their parameter table.
/// </summary>
internal sealed class AdamSchedule
{
    private readonly (double LearningRate, double Beta1, double Beta2)[] _values;
    private readonly bool _broadcast;

    /// <summary>The values of <paramref name="configurations"/>; with <paramref name="broadcast"/>, only the first (one configuration in every column).</summary>
    public AdamSchedule(IReadOnlyList<TrainingOptions> configurations, bool broadcast)
    {
        _broadcast = broadcast;
        _values = [.. configurations.Take(broadcast ? 1 : configurations.Count).Select(o => (o.LearningRate, o.Beta1, o.Beta2))];
    }

    /// <summary>Configurations to compute (1 when broadcast).</summary>
    public int Count => _values.Length;

    /// <summary>Configuration <paramref name="k"/>'s η, β₁, β₂.</summary>
    public (double LearningRate, double Beta1, double Beta2) this[int k] => _values[k];

    /// <summary>Copies column 0 of a freshly computed row into every column when the table is broadcast.</summary>
    public void Broadcast<T>(Span<T> row)
    {
        if (_broadcast) row.Fill(row[0]);
    }
}
