using System.Globalization;
using TorchFit.Problems;
using TorchFit.Tests.Cli;
using TorchFit.Training;

namespace TorchFit.Tests.Problems;

/// <summary>
/// Values that no verb can work on (an all-zero A, one so small that its curvature underflows, one
/// whose squares overflow, a value beyond the training dtype) are refused by every verb with one
/// line that says what is wrong with the data, before any work: not NaN and Infinity with exit 0,
/// nor a divergence blamed on the learning rate.
/// </summary>
public sealed class ProblemScaleTests : IDisposable
{
    private readonly TempDirectory _directory = new("torchfit-scale-");

    public void Dispose() => _directory.Dispose();

    /// <summary>A (3×3, rows of the CSV without b) with a scale and the message every verb must give.</summary>
    public static TheoryData<string, string, double, string> Cases()
    {
        var data = new TheoryData<string, string, double, string>();
        string[] verbs = ["diagnose", "lstsq", "train", "solve"];
        foreach (string verb in verbs)
        {
            data.Add(verb, "all zeros", 0, "A is all zeros");
            data.Add(verb, "subnormal", 1e-310, "A is numerically zero in float");
            data.Add(verb, "1e300", 1e300, verb == "lstsq" ? "A's squares overflow float64" : "is beyond float32's range");
        }
        foreach (string verb in new[] { "diagnose", "train", "solve" })
        {
            data.Add(verb, "1e39 in one entry (float32)", 1e39, "A[1, 1] = 1e+39 is beyond float32's range (±3.4e+38)");
            data.Add(verb, "1e-25: curvature below float32's normals", 1e-25, "A is numerically zero in float32");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Refuse_Values_No_Verb_Can_Work_On_With_One_Line_And_Exit_Code_2(string verb, string description, double scale, string message)
    {
        // Given a problem whose A has this scale (1e39: one entry beyond float32, the rest ordinary)
        string path = WriteCsv(description, scale);
        string outDir = _directory.Combine("out");

        // When the verb runs on it
        var outcome = CliRunner.Run([verb, "--problem", path, "--out", outDir, .. Short(verb)]);

        // Then it says what is wrong with the data, in one line, and does no work
        Assert.Equal(2, outcome.ExitCode);
        string line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.StartsWith($"torchfit: problem '{path}': ", line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("diagnose")]
    public void Should_Work_In_Float64_On_A_Value_Beyond_Float32(string verb)
    {
        // Given A holding 1e39, which float64 holds, when the verb runs in float64 with a rate below
        // its stability limit (λ_max ≈ 1e78), then it works
        string path = WriteCsv("1e39 in one entry (float32)", 1e39);
        var outcome = CliRunner.Run([verb, "--problem", path, "--dtype", "float64", "--lr", "1e-80", "--out", _directory.Combine("out"), .. Short(verb)]);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
    }

    [Fact]
    public void Should_Refuse_A_Target_Beyond_Float32_And_Squares_Of_B_That_Overflow()
    {
        var beyond = LinearProblem.Create("b", 2, 1, [1, 2], [1e39, 1]);
        Assert.Contains("b[0] = 1e+39 is beyond float32's range", Refusal(beyond, Precision.Float32), StringComparison.Ordinal);
        beyond.EnsureUsable(Precision.Float64);

        var squares = LinearProblem.Create("b2", 2, 1, [1, 2], [1e200, 1]);
        Assert.Contains("b's squares overflow float64", Refusal(squares, Precision.Float64), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Accept_Ordinary_Problems_In_Both_Dtypes()
    {
        var problem = ProblemGenerator.Uniform(200, 300, 0);
        problem.EnsureUsable(Precision.Float32);
        problem.EnsureUsable(Precision.Float64);
        // and large but representable scales, whose squares still fit
        LinearProblem.Create("large", 2, 2, [1e18, 2e18, 3e18, 4e18], [1, 2]).EnsureUsable(Precision.Float32);
        LinearProblem.Create("small", 2, 2, [1e-150, 2e-150, 3e-150, 4e-150], [1, 2]).EnsureUsable(Precision.Float64);
    }

    /// <summary>Options that keep a run that is not refused short.</summary>
    private static string[] Short(string verb) => verb switch
    {
        "train" or "diagnose" => ["--epochs", "3"],
        "solve" => ["--compare-epochs", "0"],
        _ => [],
    };

    private static string Refusal(LinearProblem problem, Precision precision) =>
        Assert.Throws<InvalidInputException>(() => problem.EnsureUsable(precision)).Message;

    private string WriteCsv(string description, double scale)
    {
        // 3×3 with b = (1, 2, 3); "one entry" puts the scale in A[1, 1] of an ordinary A.
        bool one = description.Contains("one entry", StringComparison.Ordinal);
        double[,] a = one ? new double[,] { { 1, 2, 0.5 }, { 0.25, scale, 3 }, { 1, 0, 1 } }
            : new double[,] { { scale, 2 * scale, 0 }, { 0, scale, 3 * scale }, { scale, 0, scale } };
        string path = _directory.Combine(description.Split(' ')[0].Replace(":", "", StringComparison.Ordinal) + ".csv");
        using var writer = new StreamWriter(path);
        for (int i = 0; i < 3; i++)
            writer.WriteLine(string.Join(',', Enumerable.Range(0, 3).Select(j => a[i, j].ToString("R", CultureInfo.InvariantCulture))) + $",{i + 1}");
        return path;
    }
}
