using System.Text.Json;
using TorchFit.Cli.Settings;
using TorchFit.Problems;
using TorchFit.Problems.Files;
using TorchFit.Tests.Problems.Files;

namespace TorchFit.Tests.Cli;

public sealed class ProblemCliTests : IDisposable
{
    private readonly string _directory = TestFiles.NewDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Should_Train_On_A_Problem_Saved_By_NumPy()
    {
        // Given data/question-200x300-seed0.npz (np.savez), when train reads it
        string output = Path.Combine(_directory, "out");
        var outcome = CliRunner.Run("train", "--problem", TestFiles.Data("question-200x300-seed0.npz"), "--epochs", "20",
            "--device", "cpu", "--out", output, "--json");

        // Then it trains on that 200×300 problem
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var row = json.RootElement.GetProperty("cases")[0];
        Assert.Equal(200, row.GetProperty("n").GetInt32());
        Assert.Equal(300, row.GetProperty("d").GetInt32());
        Assert.InRange(row.GetProperty("mse").GetDouble(), 1e-6, 1);
    }

    [Fact]
    public void Should_Solve_An_Npy_Pair_In_Closed_Form()
    {
        var outcome = CliRunner.Run("lstsq", "--A", TestFiles.NumPy("seed1-A.npy"), "--b", TestFiles.NumPy("seed1-b.npy"),
            "--device", "cpu", "--out", _directory, "--json");
        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        Assert.True(json.RootElement.GetProperty("cases")[0].GetProperty("mse").GetDouble() < 1e-25);
    }

    [Fact]
    public void Should_Generate_From_The_NumPy_Seed_And_Keep_Seed_For_The_Rest()
    {
        var numpy = new ProblemSettings { Rows = 3, Columns = 4, NumpySeed = 5, Seed = 9 };
        var plain = new ProblemSettings { Rows = 3, Columns = 4, Seed = 9 };

        Assert.Equal(ProblemGenerator.Uniform(3, 4, 5).Matrix.ToArray(), numpy.CreateProblem().Matrix.ToArray());
        Assert.Equal(ProblemGenerator.Uniform(3, 4, 9).Matrix.ToArray(), plain.CreateProblem().Matrix.ToArray());
        Assert.Equal(ProblemGenerator.Uniform(200, 300, 0).Target.ToArray(), new ProblemSettings().CreateProblem().Target.ToArray());
    }

    [Theory]
    [InlineData("p.npz")]
    [InlineData("p.csv")]
    public void Should_Write_A_New_Problem_That_Loads_As_Generated(string name)
    {
        string path = Path.Combine(_directory, name);
        var outcome = CliRunner.Run("problem", "new", "--n", "5", "--d", "7", "--seed", "42", "--out", path);

        Assert.Equal(0, outcome.ExitCode);
        var loaded = ProblemFile.Load(path);
        Assert.Equal(ProblemGenerator.Uniform(5, 7, 42).Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void Should_Not_Replace_An_Existing_File_Without_Force()
    {
        string path = Path.Combine(_directory, "p.npz");
        File.WriteAllText(path, "keep me");

        var refused = CliRunner.Run("problem", "new", "--out", path);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(path));

        Assert.Equal(0, CliRunner.Run("problem", "new", "--n", "2", "--d", "3", "--out", path, "--force").ExitCode);
        Assert.Equal(2, ProblemFile.Load(path).Problem.Rows);
    }

    [Fact]
    public void Should_Describe_A_Problem_File_As_Json()
    {
        var outcome = CliRunner.Run("problem", "info", TestFiles.NumPy("seed1-float32.npz"), "--json");

        Assert.Equal(0, outcome.ExitCode);
        using var json = JsonDocument.Parse(outcome.Output);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("rows").GetInt32());
        Assert.Equal(5, root.GetProperty("columns").GetInt32());
        Assert.Equal("<f4", root.GetProperty("a").GetProperty("dtype").GetString());
        Assert.Equal(4, root.GetProperty("rank").GetInt32());
        Assert.True(root.GetProperty("conditionNumber").GetDouble() > 1);
        Assert.InRange(root.GetProperty("a").GetProperty("min").GetDouble(), 0, root.GetProperty("a").GetProperty("max").GetDouble());
    }

    [Fact]
    public void Should_Describe_A_Problem_File_In_Words()
    {
        var outcome = CliRunner.Run("problem", "info", TestFiles.Data("question-200x300-seed0.npz"));
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("200×300, under-determined", outcome.Console, StringComparison.Ordinal);
        Assert.Contains("rank 200 of min(n, d) = 200", outcome.Console, StringComparison.Ordinal);
        Assert.Contains("condition number 123.086", outcome.Console, StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadInputs => new()
    {
        { ["--problem", "{dir}/missing.npz"], "{dir}/missing.npz: no such file" },
        { ["--problem", "{dir}/truncated.npz"], "{dir}/truncated.npz: " },
        { ["--problem", "{numpy}/bad-complex.npz"], "array 'A': complex numbers (dtype '<c16') are not supported" },
        { ["--problem", "{numpy}/bad-object.npz"], "array 'A': Python objects (dtype '|O')" },
        { ["--problem", "{numpy}/bad-unicode.npz"], "array 'A': strings (dtype '<U1')" },
        { ["--problem", "{numpy}/bad-missing-b.npz"], "no array 'b'" },
        { ["--problem", "{numpy}/bad-rows-mismatch.npz"], "A has 4 rows but b has 3" },
        { ["--problem", "{numpy}/bad-b-two-columns.npz"], "array 'b': b must have shape (n,) or (n, 1), got (4, 2)" },
        { ["--problem", "{numpy}/bad-empty.npz"], "array 'A': A is empty" },
        { ["--problem", "{numpy}/bad-nan.npz"], "array 'A': A[2, 3] is NaN" },
        { ["--problem", "{dir}/words.csv"], "{dir}/words.csv:3:2: 'abc' is not a number" },
        { ["--problem", "{dir}/ragged.csv"], "{dir}/ragged.csv:2: 2 columns, but the first row has 3" },
        { ["--A", "{dir}/huge.npy", "--b", "{numpy}/seed1-b.npy"], "{dir}/huge.npy: a 1,000,000×1,000,000 problem needs about" },
        { ["--A", "{numpy}/seed1-A.npy"], "--A needs --b" },
        { ["--problem", "{numpy}/seed1-float32.npz", "--n", "3"], "--n, --d and --numpy-seed only apply to a generated problem" },
        { ["--problem", "{numpy}/seed1-float32.npz", "--A", "{numpy}/seed1-A.npy", "--b", "{numpy}/seed1-b.npy"], "--problem and --A/--b are two ways" },
        { ["--problem", "{numpy}/seed1-float32.npz", "--target-column", "2"], "--target-column applies to CSV files only" },
        { ["--numpy-seed", "4294967296"], "--numpy-seed must be in [0, 4294967295]" },
        { ["--n", "100000", "--d", "100000"], "needs about" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Should_Refuse_Bad_Input_With_One_Line_Exit_Code_2_And_No_Output(string[] options, string message)
    {
        // Given the bad files a new user might have
        string numpy = Path.GetDirectoryName(TestFiles.NumPy("x"))!;
        File.WriteAllBytes(Path.Combine(_directory, "truncated.npz"), File.ReadAllBytes(TestFiles.Data("question-2x3-seed0.npz"))[..300]);
        File.WriteAllText(Path.Combine(_directory, "words.csv"), "a,b,c\n1,2,3\n4,abc,6\n");
        File.WriteAllText(Path.Combine(_directory, "ragged.csv"), "1,2,3\n4,5\n");
        File.WriteAllBytes(Path.Combine(_directory, "huge.npy"), [.. TorchFit.Problems.Files.NpyHeader.Format("<f8", [1_000_000, 1_000_000])]);
        string output = Path.Combine(_directory, "out");

        // When train runs on them
        string[] args = ["train", .. options.Select(o => o.Replace("{dir}", _directory, StringComparison.Ordinal).Replace("{numpy}", numpy, StringComparison.Ordinal)),
            "--epochs", "1", "--device", "cpu", "--out", output];
        var outcome = CliRunner.Run(args);

        // Then one line names what is wrong, the exit code is 2, and nothing is written
        Assert.Equal(2, outcome.ExitCode);
        string line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("torchfit: ", line, StringComparison.Ordinal);
        Assert.Contains(message.Replace("{dir}", _directory, StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
