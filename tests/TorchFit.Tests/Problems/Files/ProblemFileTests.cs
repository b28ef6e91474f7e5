using TorchFit.Problems;
using TorchFit.Problems.Files;

namespace TorchFit.Tests.Problems.Files;

public class ProblemFileTests
{
    [Theory]
    [InlineData("p.npz")]
    [InlineData("p.csv")]
    public void Should_Save_And_Load_Back_Bit_For_Bit(string name)
    {
        var problem = ProblemGenerator.Uniform(7, 4, 3);
        string path = Path.Combine(TestFiles.NewDirectory(), name);

        ProblemFile.Save(problem, path);
        var loaded = ProblemFile.Load(path);

        Assert.Equal(problem.Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Equal(problem.Target.ToArray(), loaded.Problem.Target.ToArray());
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));   // no temporary file left
    }

    [Fact]
    public void Should_Save_Npz_With_A_Column_Target_Like_The_Question()
    {
        string path = Path.Combine(TestFiles.NewDirectory(), "p.npz");
        ProblemFile.Save(ProblemGenerator.Uniform(2, 3, 0), path);
        var loaded = ProblemFile.Load(path);
        Assert.Equal([2L, 3L], loaded.Matrix.Shape);
        Assert.Equal([2L, 1L], loaded.Target.Shape);
        Assert.Equal("<f8", loaded.Target.Dtype);
    }

    [Fact]
    public void Should_Refuse_Unknown_Output_Formats_Without_Writing()
    {
        string directory = TestFiles.NewDirectory();
        Assert.Throws<InvalidInputException>(() => ProblemFile.Save(ProblemGenerator.Uniform(2, 3, 0), Path.Combine(directory, "p.mat")));
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Theory]
    [InlineData("missing.npz", "no such file")]
    [InlineData("p.npy", "a .npy file holds one array")]
    [InlineData("p.mat", "unknown problem format '.mat'")]
    [InlineData("p.npz", "not a readable .npz archive (truncated, or not a zip file)")]
    public void Should_Refuse_Files_It_Cannot_Read_With_One_Line(string name, string message)
    {
        string directory = TestFiles.NewDirectory();
        string path = Path.Combine(directory, name);
        if (name != "missing.npz") File.WriteAllText(path, "not a problem");

        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));

        Assert.Equal($"{path}: {message}", error.Message[..(path.Length + 2 + message.Length)]);
    }

    [Fact]
    public void Should_Refuse_A_Directory()
    {
        string directory = TestFiles.NewDirectory();
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(directory));
        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }
}
