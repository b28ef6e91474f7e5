using System.Globalization;
using TorchFit.Problems;

namespace TorchFit.Tests.Problems;

public class ProblemGeneratorTests
{
    public static TheoryData<string> NumPyVectors => new(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "data", "reference"), "numpy-random-*.csv").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(NumPyVectors))]
    public void Should_Match_NumPy_Legacy_Random_Bit_For_Bit(string file)
    {
        // Given A and b that NumPy drew after np.random.seed(S) (data/reference, made by tools/reference)
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", file));
        uint seed = uint.Parse(file.Split("seed")[1].Split('-')[0], CultureInfo.InvariantCulture);
        var aRows = lines.Where(l => l.StartsWith("A,", StringComparison.Ordinal)).Select(Parse).ToList();
        var b = Parse(lines.Single(l => l.StartsWith("b,", StringComparison.Ordinal)));

        // When TorchFit generates the same shape from the same seed
        var problem = ProblemGenerator.Uniform(aRows.Count, aRows[0].Length, seed);

        // Then every double is identical
        Assert.Equal(aRows.SelectMany(r => r).ToArray(), problem.Matrix.ToArray());
        Assert.Equal(b, problem.Target.ToArray());
    }

    [Fact]
    public void Should_Reject_Problems_Too_Large_For_Memory()
    {
        var error = Assert.Throws<InvalidInputException>(() => ProblemGenerator.Uniform(100_000, 100_000, 0));
        Assert.Contains("MiB", error.Message, StringComparison.Ordinal);
    }

    private static double[] Parse(string line) =>
        line.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
