using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>Draws the initial d×1 kernel of a bias-free Dense(1).</summary>
internal static class KernelInitializer
{
    /// <summary>The half-width L of the uniform distribution U(−L, L) for a d→1 layer.</summary>
    public static double Bound(WeightInit init, int fanIn) => init switch
    {
        WeightInit.Glorot => Math.Sqrt(6.0 / (fanIn + 1)),   // fan_out = 1
        _ => 1.0 / Math.Sqrt(fanIn),                          // kaiming_uniform(a=√5) on fan_in
    };

    /// <summary>The d initial weights a trainer with this init and seed starts from, as managed values.</summary>
    public static double[] InitialWeights(WeightInit init, int fanIn, ulong seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(seed, CPU);
        return Draw(init, fanIn, generator).data<double>().ToArray();
    }

    /// <summary>A 1×d float64 CPU tensor of initial weights drawn from <paramref name="generator"/>.</summary>
    public static Tensor Draw(WeightInit init, int fanIn, Generator generator)
    {
        double bound = Bound(init, fanIn);
        return torch.empty(new long[] { 1, fanIn }, ScalarType.Float64).uniform_(-bound, bound, generator);
    }
}
