namespace TorchFit.Problems;

/// <summary>Seeded random problems of the kind the question uses.</summary>
public static class ProblemGenerator
{
    /// <summary>The largest n·d accepted, so that a typo cannot ask for terabytes.</summary>
    public const long MaxEntries = 200_000_000;

    /// <summary>
    /// A and b with entries uniform in [0, 1), bit for bit as NumPy's
    /// <c>np.random.seed(seed); A = np.random.random((n, d)); b = np.random.random((n, 1))</c>.
    /// </summary>
    public static LinearProblem Uniform(int rows, int columns, uint seed)
    {
        if (rows <= 0 || columns <= 0)
            throw new InvalidInputException($"problem size must be positive, got n={rows}, d={columns}");
        ProblemMemory.EnsureFits(rows, columns, $"problem {rows}×{columns}");
        var random = new Mt19937(seed);
        var matrix = new double[(long)rows * columns];
        for (long k = 0; k < matrix.Length; k++) matrix[k] = random.NextDouble();
        var target = new double[rows];
        for (int i = 0; i < rows; i++) target[i] = random.NextDouble();
        return LinearProblem.Adopt($"uniform {rows}×{columns}, seed {seed}", rows, columns, matrix, target);
    }
}
