using TorchFit.Problems;

namespace TorchFit.Reproduction;

/// <summary>
/// The question's 200×300 system: <c>np.random.seed(0); A = np.random.random((200, 300));
/// b = np.random.random((200, 1))</c>. Text that speaks of "the question" or "the accepted answer"
/// is true of this problem only; on any other, the library names the settings instead.
/// </summary>
public static class QuestionProblem
{
    /// <summary>n.</summary>
    public const int Rows = 200;

    /// <summary>d.</summary>
    public const int Columns = 300;

    /// <summary>The NumPy seed.</summary>
    public const uint Seed = 0;

    private static readonly Lazy<LinearProblem> Reference = new(() => ProblemGenerator.Uniform(Rows, Columns, Seed));

    /// <summary>
    /// True when <paramref name="problem"/> holds the question's A and b bit for bit, however it was
    /// made: generated with seed 0, or read from <c>data/question-200x300-seed0.npz</c> or a copy.
    /// </summary>
    public static bool Is(LinearProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Rows == Rows && problem.Columns == Columns
            && problem.Matrix.SequenceEqual(Reference.Value.Matrix) && problem.Target.SequenceEqual(Reference.Value.Target);
    }
}
