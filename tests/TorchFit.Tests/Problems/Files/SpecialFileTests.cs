using System.Runtime.InteropServices;
using TorchFit.Problems;
using TorchFit.Problems.Files;
using TorchFit.Tests.Cli;

namespace TorchFit.Tests.Problems.Files;

/// <summary>
/// Only regular files are read. A FIFO would block the read forever (and a .npy one is opened
/// twice), and a device such as /dev/zero never ends: each is refused before it is opened, with
/// one line and exit code 2, whether named directly or through a link. Regular files that are
/// too large for their kind (a CSV line without end, a huge --config) are refused too.
/// </summary>
public sealed class SpecialFileTests : IDisposable
{
    /// <summary>Far longer than any refusal takes; today's hang shows as a failure, not a stuck run.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new("torchfit-special-");

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, string> SpecialInputs => new()
    {
        // what, how it is named: fifo: a FIFO with that name; link: a link with that name to /dev/zero
        { "problem", "fifo:p.npz" },
        { "problem", "fifo:p.csv" },
        { "problem", "link:p.csv" },
        { "problem", "link:p.npz" },
        { "pair", "fifo:A.npy" },
        { "pair", "link:A.npy" },
        { "config", "fifo:sweep.json" },
        { "config", "link:sweep.json" },
        { "config", "/dev/zero" },
        { "problem", "/dev/zero" },
    };

    [LinuxTheory]
    [MemberData(nameof(SpecialInputs))]
    public void Should_Refuse_What_Is_Not_A_Regular_File_With_One_Line_And_Exit_Code_2(string role, string spec)
    {
        // Given a FIFO, a link to /dev/zero, or /dev/zero itself where a file is expected
        string path = Make(spec);
        string outDir = _directory.Combine("out");
        string[] args = role switch
        {
            "problem" => ["lstsq", "--problem", path, "--out", outDir],
            "pair" => ["lstsq", "--A", path, "--b", TestFiles.NumPy("seed1-b.npy"), "--out", outDir],
            _ => ["sweep", "--config", path, "--out", outDir],
        };

        // When a verb is given it
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.True(run.Wait(Patience), $"{string.Join(' ', args)} did not return within {Patience.TotalSeconds} s (blocked on {spec})");
        var outcome = run.Result;

        // Then it is refused before it is opened: one line naming the file, exit 2, nothing written
        Assert.Equal(2, outcome.ExitCode);
        string line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains("not a regular file", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [LinuxFact]
    public void Should_Name_The_Kind_Of_File_And_The_Link_Target()
    {
        string fifo = Make("fifo:p.npz"), link = Make("link:p.csv");
        Assert.Equal($"{fifo}: is a FIFO (named pipe), not a regular file; TorchFit reads regular files only",
            Assert.Throws<InvalidInputException>(() => ProblemFile.Load(fifo)).Message);
        Assert.Equal($"{link}: links to /dev/zero, a character device, not a regular file; TorchFit reads regular files only",
            Assert.Throws<InvalidInputException>(() => ProblemFile.Load(link)).Message);
    }

    [Fact]
    public void Should_Read_A_Regular_File_Through_A_Link()
    {
        // Given a link to a regular problem file, then it loads as the file does
        string link = _directory.Combine("link.npz");
        File.CreateSymbolicLink(link, TestFiles.Data("question-2x3-seed0.npz"));
        Assert.Equal(ProblemGenerator.Uniform(2, 3, 0).Matrix.ToArray(), ProblemFile.Load(link).Problem.Matrix.ToArray());
    }

    [Fact]
    public void Should_Refuse_A_Csv_Line_Longer_Than_The_Cap_Before_Holding_It()
    {
        // Given a CSV whose only row is longer than the cap (a well-formed but absurd 8-million-column row)
        string path = _directory.Combine("wide.csv");
        using (var writer = new StreamWriter(path))
        {
            for (int k = 0; k <= TextLineReader.MaxLineLength / 2; k++) writer.Write("1,");
            writer.Write("1\n");
        }

        // When it is loaded, then it is refused with the line
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));
        Assert.Equal($"{path}:1: line longer than 16,777,216 characters; is this a text file?", error.Message);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n", 2)]
    [InlineData("a,b\n1,2\n3,4", 2)]
    [InlineData("1,2\r3,4\r5,6\r", 3)]
    [InlineData("\n\n1,2\n\n3,4\n\n", 2)]
    public void Should_Read_Every_Line_Ending_Within_The_Cap(string text, int rows)
    {
        string path = _directory.Combine("endings.csv");
        File.WriteAllText(path, text);
        Assert.Equal(rows, ProblemFile.Load(path).Problem.Rows);
    }

    [Fact]
    public void Should_Refuse_A_Config_Larger_Than_The_Cap_Before_Any_Work()
    {
        // Given a --config that is valid JSON but larger than the cap
        string path = _directory.Combine("sweep.json");
        File.WriteAllText(path, "{" + new string(' ', 1 << 20) + "\"epochs\": 1}");
        string outDir = _directory.Combine("out");

        // When a sweep is given it, then it is refused with one line and nothing written
        var outcome = CliRunner.Run("sweep", "--config", path, "--n", "2", "--d", "3", "--out", outDir);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"torchfit: --config {path}: larger than 1,048,576 bytes, too large for this kind of file", outcome.Error.TrimEnd());
        Assert.False(Directory.Exists(outDir));
    }

    private string Make(string spec)
    {
        if (!spec.Contains(':', StringComparison.Ordinal)) return spec;
        string kind = spec[..spec.IndexOf(':', StringComparison.Ordinal)], name = spec[(kind.Length + 1)..];
        string path = _directory.Combine(name);
        if (kind == "link") File.CreateSymbolicLink(path, "/dev/zero");
        else Assert.Equal(0, MakeFifo(System.Text.Encoding.UTF8.GetBytes(path + "\0"), Convert.ToUInt32("600", 8)));
        return path;
    }

    [DllImport("libc", EntryPoint = "mkfifo")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MakeFifo(byte[] path, uint mode);
}
