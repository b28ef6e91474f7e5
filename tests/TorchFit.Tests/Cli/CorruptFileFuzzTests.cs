using System.Text;
using TorchFit.Tests.Problems.Files;

namespace TorchFit.Tests.Cli;

/// <summary>
/// Corrupts valid problem files in seeded, repeatable ways (truncation, random bytes, header edits)
/// and runs each through the CLI: every one must load (exit 0) or be refused with one line
/// (exit 2), never end in an unhandled exception (exit 1).
/// </summary>
public sealed class CorruptFileFuzzTests : IDisposable
{
    private const int Seed = 20_240_606;
    private readonly string _directory = TestFiles.NewDirectory();

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Files => new()
    {
        "question-2x3-seed0.npz",                 // np.savez: stored entries
        "reference/files/seed1-compressed.npz",   // np.savez_compressed: deflated entries
        "reference/files/seed1-A-float32-fortran.npy",
        "question-2x3-seed0.csv",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_Never_Exit_With_An_Unhandled_Error_On_A_Corrupted_File(string file)
    {
        byte[] valid = File.ReadAllBytes(TestFiles.Data(file.Split('/')));
        var random = new Random(Seed);
        int runs = 0, refused = 0;
        foreach (var (description, bytes) in Corruptions(valid, random))
        {
            string path = Path.Combine(_directory, $"case{runs}{Path.GetExtension(file)}");
            File.WriteAllBytes(path, bytes);
            string[] args = Path.GetExtension(file) == ".npy"
                ? ["problem", "info", "--A", path, "--b", TestFiles.NumPy("seed1-b.npy"), "--json"]
                : ["problem", "info", path, "--json"];
            var outcome = CliRunner.Run(args);
            runs++;

            Assert.True(outcome.ExitCode is 0 or 2, $"{file}, {description}: exit {outcome.ExitCode}: {outcome.Error}");
            if (outcome.ExitCode == 0) continue;
            refused++;
            string line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
            Assert.StartsWith("torchfit: " + path, line, StringComparison.Ordinal);
        }
        Assert.True(refused > runs / 2, $"only {refused} of {runs} corrupted files were refused");
    }

    private static IEnumerable<(string, byte[])> Corruptions(byte[] valid, Random random)
    {
        // Truncation at every offset of the first 128 bytes (headers), then at about 25 sampled offsets.
        for (int length = 0; length < valid.Length; length += length < 128 ? 1 : 1 + random.Next(valid.Length / 12 + 1))
            yield return ($"truncated to {length} bytes", valid[..length]);

        // 1 to 4 random bytes replaced at random places.
        for (int k = 0; k < 80; k++)
        {
            byte[] bytes = (byte[])valid.Clone();
            var places = new List<int>();
            for (int m = random.Next(1, 5); m > 0; m--)
            {
                int at = random.Next(bytes.Length);
                bytes[at] = (byte)random.Next(256);
                places.Add(at);
            }
            yield return ($"bytes changed at {string.Join(", ", places)}", bytes);
        }

        // Header and text edits a hand or a bug might make, same length and not.
        string latin = Encoding.Latin1.GetString(valid);
        string[][] edits =
        [
            ["<f8", "<c8"], ["<f8", "|O8"], ["<f8", "<U8"], ["<f8", "<f9"], ["<f4", "<f2"], ["<f4", ">f4"],
            ["False", "True "], ["True", "Nope"], ["(2, 3)", "(3, 2)"], ["(2, 3)", "(9, 9)"], ["(2, 3)", "(2,)  "],
            ["(2, 1)", "(2, 2)"], ["(4, 5)", "(0, 5)"], ["(4, 5)", "(9999999, 9999999)"], ["'shape'", "'shope'"],
            ["'descr'", "'dtype'"], ["{", "["], ["}", ")"], ["NUMPY", "NUMPX"], ["A.npy", "C.npy"], ["b.npy", "B.npy"],
            [",", ";"], [",", ""], ["\n", "\n\n,"], ["0.5", "0.x"], ["0.5", "nan"], ["0.5", "1e999"], ["a1", "0"],
        ];
        foreach (var edit in edits)
            if (latin.Contains(edit[0], StringComparison.Ordinal))
            {
                int at = latin.IndexOf(edit[0], StringComparison.Ordinal);
                yield return ($"'{edit[0]}' → '{edit[1]}'", Encoding.Latin1.GetBytes(latin[..at] + edit[1] + latin[(at + edit[0].Length)..]));
            }
    }
}
