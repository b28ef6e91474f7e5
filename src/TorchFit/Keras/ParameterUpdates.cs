using System.Numerics;
using TorchFit.Training.Rules;
using static TorchSharp.torch;

namespace TorchFit.Keras;

/// <summary>An update rule bound to a dtype, applied to one parameter tensor at a time.</summary>
internal interface IParameterUpdate : IDisposable
{
    /// <summary>The rule's state for <paramref name="parameter"/>, at its starting values (the caller owns the tensors).</summary>
    Tensor[] NewState(Tensor parameter);

    /// <summary>One update of <paramref name="parameter"/> and its <paramref name="state"/> in place, as step <paramref name="iteration"/> (from 1).</summary>
    void Apply(Tensor parameter, Tensor gradient, Tensor[] state, long iteration);
}

/// <summary>Builds a <see cref="IParameterUpdate"/> around whichever rule <see cref="UpdateRules"/> picks.</summary>
internal readonly struct ParameterUpdates<T> : IRuleConsumer<T, IParameterUpdate> where T : unmanaged, IFloatingPointIeee754<T>
{
    public IParameterUpdate Run<TRule>(TRule rule) where TRule : struct, IUpdateRule<T> => new ParameterUpdate<T, TRule>(rule);
}

/// <summary>
/// One rule on tensors of any shape: its scalars as 0-dim tensors of the parameter's dtype and device, refreshed
/// when the rule's per-step scalars change.
/// </summary>
internal sealed class ParameterUpdate<T, TRule>(TRule rule) : IParameterUpdate
    where T : unmanaged, IFloatingPointIeee754<T>
    where TRule : struct, IUpdateRule<T>
{
    private Tensor[]? _scalars;
    private long _step;

    public Tensor[] NewState(Tensor parameter)
    {
        var state = new Tensor[rule.StateCount];
        for (int buffer = 0; buffer < state.Length; buffer++)
            state[buffer] = full_like(parameter, double.CreateChecked(rule.InitialState(buffer, 0))).DetachFromDisposeScope();
        return state;
    }

    public void Apply(Tensor parameter, Tensor gradient, Tensor[] state, long iteration)
    {
        // Every parameter of step t shares its scalars; they are made again when the rule's per-step ones change
        // (Adam's bias correction) or a parameter lives on another device.
        bool stale = _scalars is null || _scalars[0].device != parameter.device;
        if (_step != iteration)
        {
            stale |= rule.BeginStep(iteration);
            _step = iteration;
        }
        if (stale) Refresh(parameter);
        TensorRule.Apply<T, TRule>(rule, parameter, gradient, state, _scalars!);
    }

    private void Refresh(Tensor parameter)
    {
        Dispose();
        // Made inside the optimizer's step, whose dispose scope would free them at its end.
        _scalars = [.. TensorRule.ScalarsOfOne(rule.Parameters, parameter.dtype, parameter.device).Select(s => s.DetachFromDisposeScope())];
    }

    public void Dispose()
    {
        foreach (var scalar in _scalars ?? []) scalar.Dispose();
        _scalars = null;
    }
}
