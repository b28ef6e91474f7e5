using System.Numerics;
using TorchFit.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training.Rules;

/// <summary>
/// Applies an update rule to whole tensors, for the engines' torch-ops form (CUDA): the weights and the
/// state are d×K tensors on the device, the scalars 1×K rows that broadcast over them.
/// </summary>
internal static class TensorRule
{
    /// <summary>The rule's parameter rows for the first <paramref name="columns"/> configurations, as 1×K tensors (the caller owns them).</summary>
    public static Tensor[] Scalars<T>(ParameterTable<T> table, int columns, ScalarType dtype, Device device)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. Enumerable.Range(0, table.Rows).Select(row =>
            torch.tensor(table.Row(row)[..columns].ToArray().Select(double.CreateChecked).ToArray(), new long[] { 1, columns }, ScalarType.Float64)
                .to(dtype).to(device))];

    /// <summary>The scalars of the table's one configuration (column 0), as 0-dim tensors that broadcast over a tensor of any shape (the caller owns them).</summary>
    public static Tensor[] ScalarsOfOne<T>(ParameterTable<T> table, ScalarType dtype, Device device)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. Enumerable.Range(0, table.Rows).Select(row => torch.tensor(double.CreateChecked(table.Row(row)[0]), dtype, device))];

    /// <summary>The rule's state for d×K <paramref name="weights"/>: each buffer at the rule's starting value of each configuration (the caller owns them).</summary>
    public static Tensor[] State<T, TRule>(in TRule rule, Tensor weights, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TRule : struct, IUpdateRule<T>
    {
        var state = new Tensor[rule.StateCount];
        for (int buffer = 0; buffer < state.Length; buffer++)
        {
            var start = new double[columns];
            for (int k = 0; k < columns; k++) start[k] = double.CreateChecked(rule.InitialState(buffer, k));
            using var row = torch.tensor(start, new long[] { 1, columns }, ScalarType.Float64).to(weights.dtype).to(weights.device);
            state[buffer] = zeros_like(weights).add_(row);
        }
        return state;
    }

    /// <summary>One update of <paramref name="weights"/> and <paramref name="state"/>, in place.</summary>
    public static void Apply<T, TRule>(in TRule rule, Tensor weights, Tensor gradient, Tensor[] state, Tensor[] scalars)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TRule : struct, IUpdateRule<T>
    {
        using var scope = NewDisposeScope();
        Tensor first = state.Length > 0 ? state[0] : null!, second = state.Length > 1 ? state[1] : null!, third = state.Length > 2 ? state[2] : null!;
        var values = new RuleScalars<Tensor>
        {
            First = scalars.Length > 0 ? scalars[0] : null!,
            Second = scalars.Length > 1 ? scalars[1] : null!,
            Third = scalars.Length > 2 ? scalars[2] : null!,
            Fourth = scalars.Length > 3 ? scalars[3] : null!,
            Fifth = scalars.Length > 4 ? scalars[4] : null!,
            Sixth = scalars.Length > 5 ? scalars[5] : null!,
            Seventh = scalars.Length > 6 ? scalars[6] : null!,
        };
        var updated = rule.Apply<Tensor, TensorArithmetic>(weights, gradient, ref first, ref second, ref third, values);
        weights.copy_(updated);
        if (state.Length > 0) CopyIfNew(state[0], first);
        if (state.Length > 1) CopyIfNew(state[1], second);
        if (state.Length > 2) CopyIfNew(state[2], third);
    }

    private static void CopyIfNew(Tensor target, Tensor value)
    {
        if (!ReferenceEquals(target, value)) target.copy_(value);
    }
}
