namespace TorchFit.Training.Rules;

/// <summary>The per-weight state of one update: up to three values (SGD's momentum buffer; Adam's m, v and v̂).</summary>
/// <typeparam name="TV">A SIMD vector, a scalar or a tensor.</typeparam>
internal struct RuleState<TV>
{
    public TV First;
    public TV Second;
    public TV Third;
}
