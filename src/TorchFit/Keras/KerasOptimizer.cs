using TorchFit.Training;
using TorchFit.Training.Rules;
using TorchSharp;
using static TorchSharp.torch;
using TorchSharp.Modules;
using static TorchSharp.torch.optim;

namespace TorchFit.Keras;

/// <summary>
/// A TorchSharp optimizer that computes a Keras 3 optimizer's <c>update_step</c> as Keras does (keras/src/optimizers/),
/// in torch ops on the parameters' device: use it like any <c>torch.optim</c> optimizer (<c>zero_grad</c>, <c>backward</c>,
/// <c>step</c>; a learning-rate scheduler may change the group's learning rate). Float32 and float64 parameters;
/// the per-step scalars (Adam's bias correction) are computed in the parameter's dtype, as Keras computes them.
/// The update is the same rule TorchFit's fused and batched engines apply (<c>TorchFit.Training.Rules</c>), so the
/// engines and these classes cannot drift apart.
/// </summary>
/// <remarks>
/// Keras' <c>iterations</c> (the step count Adam's bias correction reads) is <see cref="Iterations"/>: one per
/// <see cref="step"/>, whatever the number of parameters. The optimizer's state (moments, accumulators) is kept per
/// parameter and is not part of <c>state_dict</c>.
/// </remarks>
public abstract class KerasOptimizer : OptimizerHelper
{
    private readonly TrainingOptions _settings;
    private readonly Dictionary<IntPtr, Tensor[]> _slots = [];
    private readonly Dictionary<ScalarType, (double LearningRate, IParameterUpdate Update)> _updates = [];

    private protected KerasOptimizer(IEnumerable<Parameter> parameters, TrainingOptions settings)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        settings.Validate();
        _settings = settings;
        _defaults = new OptimizerOptions { LearningRate = settings.LearningRate, InitialLearningRate = settings.LearningRate };
        _parameter_groups = [new ParamGroup<OptimizerOptions>([.. parameters], _defaults)];
    }

    /// <summary>Steps taken: Keras' <c>optimizer.iterations</c>.</summary>
    public long Iterations { get; private set; }

    /// <summary>One update of every parameter that has a gradient (Keras' <c>apply_gradients</c>).</summary>
    public override Tensor step(Func<Tensor>? closure = null)
    {
        Iterations++;
        return _step<ParamGroup>(Update, closure);
    }

    /// <summary>Not supported: the state lives in this object only.</summary>
    public override Optimizer.StateDictionary state_dict() => throw new NotSupportedException($"{GetType().Name} does not export its state");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var slot in _slots.Values.SelectMany(s => s)) slot.Dispose();
            foreach (var (_, update) in _updates.Values) update.Dispose();
            _slots.Clear();
            _updates.Clear();
        }
        base.Dispose(disposing);
    }

    private void Update(ParamGroup group)
    {
        foreach (var parameter in group.Parameters)
        {
            if (parameter.grad is not { } gradient) continue;
            var update = UpdateFor(parameter.dtype, group.LearningRate);
            if (!_slots.TryGetValue(parameter.Handle, out var slots))
                _slots[parameter.Handle] = slots = update.NewState(parameter);
            update.Apply(parameter, gradient, slots, Iterations);
        }
    }

    /// <summary>The update for this dtype and learning rate, built once (a scheduler's new rate builds a new one).</summary>
    private IParameterUpdate UpdateFor(ScalarType dtype, double learningRate)
    {
        if (_updates.TryGetValue(dtype, out var cached) && cached.LearningRate == learningRate) return cached.Update;
        cached.Update?.Dispose();
        var settings = _settings with { LearningRate = learningRate };
        IParameterUpdate update = dtype switch
        {
            ScalarType.Float32 => UpdateRules.With<float, IParameterUpdate, ParameterUpdates<float>>([settings], ParameterTable<float>.BroadcastWidth, true, default),
            ScalarType.Float64 => UpdateRules.With<double, IParameterUpdate, ParameterUpdates<double>>([settings], ParameterTable<double>.BroadcastWidth, true, default),
            _ => throw new NotSupportedException($"{GetType().Name} updates float32 and float64 parameters, not {dtype}"),
        };
        _updates[dtype] = (learningRate, update);
        return update;
    }
}
