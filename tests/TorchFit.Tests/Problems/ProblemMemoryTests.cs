using TorchFit.Cli;
using TorchFit.Problems;
using TorchFit.Tests.Cli;

namespace TorchFit.Tests.Problems;

/// <summary>
/// The memory estimate counts what each verb really allocates (measured peaks, see
/// <see cref="ProblemMemory"/>), and a problem that does not fit, or that LAPACK cannot take, is
/// refused with the MiB needed and available before any work, never with a native error.
/// </summary>
public class ProblemMemoryTests
{
    private const double GiB = 1 << 30;

    [Fact]
    public void Should_Estimate_At_Least_What_Was_Measured_For_Each_Verb()
    {
        // Given peaks measured with /usr/bin/time (minus the runtime's): diagnose on 70,000,000×1
        // used 12 GB (the issue), on 4,000,000×1 643 MiB and on 2000×2000 321 MiB; lstsq on
        // 4,000,000×1 233 MiB; train (keras) on 4,000,000×1 286 MiB; solve on 4,000,000×1 1,065 MiB
        Assert.True(ProblemMemory.BytesNeeded(70_000_000, 1, ProblemWork.Decomposition) >= 12e9);
        Assert.True(ProblemMemory.BytesNeeded(4_000_000, 1, ProblemWork.Decomposition) - ProblemMemory.RuntimeBytes >= 643 * (1 << 20));
        Assert.True(ProblemMemory.BytesNeeded(2000, 2000, ProblemWork.Decomposition) - ProblemMemory.RuntimeBytes >= 321 * (1 << 20));
        Assert.True(ProblemMemory.BytesNeeded(4_000_000, 1, ProblemWork.LeastSquares) - ProblemMemory.RuntimeBytes >= 233 * (1 << 20));
        Assert.True(ProblemMemory.BytesNeeded(4_000_000, 1, ProblemWork.Training) - ProblemMemory.RuntimeBytes >= 286 * (1 << 20));
        Assert.True(ProblemMemory.BytesNeeded(4_000_000, 1, ProblemWork.Solving) - ProblemMemory.RuntimeBytes >= 1065 * (1 << 20));
        // and not wildly more: within 2× of the measured 12 GB
        Assert.True(ProblemMemory.BytesNeeded(70_000_000, 1, ProblemWork.Decomposition) < 24e9);
    }

    [Theory]
    [InlineData(70_000_000, 1, ProblemWork.Decomposition, "the SVD of a 70,000,000×1 problem needs about 12,")]
    [InlineData(70_000_000, 1, ProblemWork.Solving, "solving a 70,000,000×1 problem needs about 19,")]
    [InlineData(20_000, 10_000, ProblemWork.LeastSquares, "lstsq on a 20,000×10,000 problem needs about 6,")]
    [InlineData(20_000, 10_000, ProblemWork.Training, "training on a 20,000×10,000 problem needs about 5,")]
    public void Should_Refuse_Work_That_Does_Not_Fit_With_The_MiB_Needed_And_Available(int rows, int columns, ProblemWork work, string message)
    {
        // Given 4 GiB available, when the work is checked, then it is refused with both figures
        var error = Assert.Throws<InvalidInputException>(() => ProblemMemory.EnsureFits(rows, columns, "p.npz", work, 4 * GiB));
        Assert.StartsWith("p.npz: " + message, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" MiB, but 4,096 MiB are available", error.Message, StringComparison.Ordinal);
        // and the same work fits where the memory is there
        ProblemMemory.EnsureFits(rows, columns, "p.npz", work, 64 * GiB);
    }

    [Theory]
    [InlineData("diagnose", "134217728", "1")]
    [InlineData("solve", "134217728", "1")]
    [InlineData("sweep", "1", "134217728")]
    public void Should_Refuse_An_Svd_Side_That_Lapack_Cannot_Take_Before_Drawing_The_Problem(string verb, string rows, string columns)
    {
        // Given a shape within the entry limit whose SVD fails inside libtorch (gesdd's 32-bit workspace)
        string outDir = Path.Combine(Path.GetTempPath(), "torchfit-side-" + Guid.NewGuid().ToString("N"));

        // When the verb runs, then it is refused from the shape alone: one line, exit 2, no native frames
        var outcome = CliRunner.Run(verb, "--n", rows, "--d", columns, "--out", outDir);
        Assert.Equal(2, outcome.ExitCode);
        string line = Assert.Single(outcome.Error.TrimEnd().Split('\n'));
        Assert.Contains("the SVD takes at most 134,217,727 rows and columns", line, StringComparison.Ordinal);
        Assert.DoesNotContain("frame #", outcome.Error + outcome.Output + outcome.Console, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Should_Reduce_A_Native_Failure_To_Its_First_Line()
    {
        // Given libtorch's message for the failed SVD of 2²⁷×1, with its C++ frames
        const string message = "false INTERNAL ASSERT FAILED at \"/pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp\":1613, please report a bug to PyTorch. linalg.svd: Argument 12 has illegal value.\nException raised from apply_svd at /pytorch/aten/src/ATen/native/BatchLinearAlgebra.cpp:1613 (most recent call first):\nframe #0: c10::Error::Error(...) + 0x9c (0x7f in libc10.so)\nframe #1: ...";

        // Then the CLI shows one line, without the frames
        string line = TorchFitApp.NativeFailure(message);
        Assert.DoesNotContain("frame #", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("libtorch failed: false INTERNAL ASSERT FAILED", line, StringComparison.Ordinal);
    }
}
