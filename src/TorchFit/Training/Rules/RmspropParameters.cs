using System.Numerics;

namespace TorchFit.Training.Rules;

/// <summary>
/// The parameter table both RMSprop rules read, in one order: ρ, 1 − ρ, the learning rate (as each rule uses it:
/// η for Keras, −η for PyTorch), ε, μ (<see cref="KerasRmspropRule{T}"/>'s row constants name them).
/// </summary>
internal static class RmspropParameters
{
    /// <summary>State buffers an RMSprop rule keeps, in this order: v; then ḡ when centered; then the momentum buffer (the third, so ḡ's slot is kept even when not centered).</summary>
    public static int StateCount(UpdateForm form) => form.UsesMomentum ? 3 : form.Centered ? 2 : 1;

    public static ParameterTable<T> Table<T>(IReadOnlyList<TrainingOptions> configurations, int width, bool broadcast, Func<TrainingOptions, double> learningRate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var table = new ParameterTable<T>(5, width);
        table.Fill(KerasRmspropRule<T>.Rho, configurations, o => o.Rho, broadcast);
        table.Fill(KerasRmspropRule<T>.OneMinusRho, configurations, o => 1 - o.Rho, broadcast);
        table.Fill(KerasRmspropRule<T>.LearningRate, configurations, learningRate, broadcast);
        table.Fill(KerasRmspropRule<T>.Epsilon, configurations, o => o.Epsilon, broadcast);
        table.Fill(KerasRmspropRule<T>.Momentum, configurations, o => o.Momentum, broadcast);
        return table;
    }
}
