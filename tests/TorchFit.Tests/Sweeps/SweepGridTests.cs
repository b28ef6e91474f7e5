using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Tests.Sweeps;

public class SweepGridTests
{
    [Fact]
    public void Should_Default_To_The_Question_Grid()
    {
        var configurations = new SweepGrid().Configurations();

        Assert.Equal(16, configurations.Count);
        Assert.Equal([1, 8, 32, 200], configurations.Select(c => c.BatchSize).Distinct());
        Assert.Equal([0.001, 0.003, 0.01, 0.013], configurations.Select(c => c.LearningRate).Distinct());
        Assert.All(configurations, c => Assert.Equal(Precision.Float32, c.Precision));
        Assert.Equal(Enumerable.Range(0, 16), configurations.Select(c => c.Index));
    }

    [Fact]
    public void Should_Give_Every_Configuration_A_Distinct_File_Safe_Key()
    {
        var grid = new SweepGrid { Momenta = [0, 0.9], Nesterov = true, Precisions = [Precision.Float32, Precision.Float64], Seeds = [0, 1], LearningRates = [1e-5, 0.01] };

        var keys = grid.Configurations().Select(c => c.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(k.IndexOfAny(Path.GetInvalidFileNameChars()) < 0, k));
        Assert.Contains("b1-lr1E-05-m0.9n-float64-s1", keys);
        Assert.Contains("b1-lr1E-05-m0-float64-s1", keys);   // Nesterov applies only where μ > 0
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(40)]
    public void Should_Split_The_Grid_Into_Shards_That_Cover_It_Once(int count)
    {
        var all = new SweepGrid().Configurations();

        var shards = Enumerable.Range(0, count).SelectMany(i => new SweepShard(i, count).Select(all)).ToList();

        Assert.Equal(all.Select(c => c.Key), shards.Select(c => c.Key));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Should_Reject_A_Malformed_Shard(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => SweepShard.Parse(text));
        Assert.Equal("Shard", error.Option);
        Assert.StartsWith("must be i/N", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_Invalid_Settings_By_Name()
    {
        Assert.Equal(nameof(SweepGrid.LearningRates), Assert.Throws<InvalidInputException>(() => new SweepGrid { LearningRates = [0.01, -1] }.Validate()).Option);
        var twice = Assert.Throws<InvalidInputException>(() => new SweepGrid { BatchSizes = [8, 8] }.Validate());
        Assert.Equal((nameof(SweepGrid.BatchSizes), "lists 8 twice"), (twice.Option, twice.Problem));
        Assert.Equal(nameof(SweepGrid.Nesterov), Assert.Throws<InvalidInputException>(() => new SweepGrid { Nesterov = true }.Validate()).Option);
    }
}
