using TorchFit.Numerics;
using Xunit;

namespace TorchFit.Tests.Numerics;

/// <summary>The vector paths must give the scalar loops' bits, for lengths that end inside and outside a vector.</summary>
public class WideningTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(37)]
    [InlineData(64)]
    [InlineData(300)]
    public void Widen_Should_Copy_Every_Float_Exactly(int n)
    {
        // Given floats and a longer destination, when they are widened
        float[] source = Floats(n, seed: n);
        var destination = new double[n + 3];
        Widening.Widen<float>(source, destination);

        // Then each is its exact double and nothing past them is written
        for (int k = 0; k < n; k++) Assert.Equal((double)source[k], destination[k]);
        Assert.Equal(0.0, destination[n..].Sum());

        // And doubles are copied as they are
        double[] wide = [.. source.Select(v => v * 1.1)], copy = new double[n];
        Widening.Widen<double>(wide, copy);
        Assert.Equal(wide, copy);
    }

    [Fact]
    public void Widen_Should_Refuse_A_Short_Destination()
    {
        Assert.Throws<ArgumentException>(() => Widening.Widen<float>(Floats(5, seed: 1), new double[4]));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(45)]
    [InlineData(64)]
    public void AddSquares_Should_Round_Each_Square_In_Float_Then_Add_In_Double(int n)
    {
        float[] x = Floats(n, seed: 100 + n);
        double[] sums = [.. Enumerable.Range(0, n).Select(k => 0.1 * k)];
        double[] expected = [.. sums.Select((s, k) => s + (double)(x[k] * x[k]))];
        Widening.AddSquares<float>(x, sums);
        Assert.Equal(expected, sums);

        double[] wide = [.. x.Select(v => (double)v)];
        double[] doubleSums = new double[n];
        Widening.AddSquares<double>(wide, doubleSums);
        Assert.Equal(wide.Select(v => v * v), doubleSums);
    }

    private static float[] Floats(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1) / 3)];
    }
}
