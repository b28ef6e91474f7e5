namespace TorchFit.Training.Rules;

/// <summary>
/// The scalars of the configuration(s) one update belongs to, in the rule's order (<see cref="ParameterTable{T}"/>
/// rows): broadcast over a run of one configuration's weights, or one lane per configuration in the batched engine.
/// </summary>
/// <typeparam name="TV">A SIMD vector, a scalar or a tensor.</typeparam>
internal struct RuleScalars<TV>
{
    public TV First;
    public TV Second;
    public TV Third;
    public TV Fourth;
    public TV Fifth;
    public TV Sixth;
    public TV Seventh;
}
