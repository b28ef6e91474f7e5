using System.Numerics;
using System.Runtime.InteropServices;

namespace TorchFit.Training.Rules;

/// <summary>
/// Where <see cref="RuleKernel{T, TV, L}"/> reads and writes: the weights, the rule's state buffers (laid out
/// like the weights) and its parameter table. Unused state references point at the weights and are never read.
/// </summary>
internal readonly ref struct RuleBuffers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly ref T Weights;
    public readonly ref T First;
    public readonly ref T Second;
    public readonly ref T Third;
    public readonly ref T Parameters;
    public readonly int ParameterRows;
    public readonly nuint ParameterStride;

    public RuleBuffers(Span<T> weights, RuleStateBuffers<T> state, ParameterTable<T> parameters)
    {
        Weights = ref MemoryMarshal.GetReference(weights);
        First = ref state.Count > 0 ? ref MemoryMarshal.GetReference(state[0]) : ref Weights;
        Second = ref state.Count > 1 ? ref MemoryMarshal.GetReference(state[1]) : ref Weights;
        Third = ref state.Count > 2 ? ref MemoryMarshal.GetReference(state[2]) : ref Weights;
        Parameters = ref MemoryMarshal.GetReference(parameters.Values);
        ParameterRows = parameters.Rows;
        ParameterStride = (nuint)parameters.Width;
    }
}
