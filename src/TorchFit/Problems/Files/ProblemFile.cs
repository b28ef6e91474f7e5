using TorchFit.IO;

namespace TorchFit.Problems.Files;

/// <summary>
/// Loads and saves problems in the formats a NumPy user has: .npz with arrays A and b
/// (<c>np.savez</c> or <c>np.savez_compressed</c>), a pair of .npy files, or CSV. Every kind of bad
/// input becomes an <see cref="InvalidInputException"/> with one line that names the file, and the
/// array or line and column where that applies.
/// </summary>
public static class ProblemFile
{
    /// <summary>The extensions <see cref="Load"/> reads as delimited text.</summary>
    public static readonly IReadOnlyList<string> TextExtensions = [".csv", ".tsv", ".txt"];

    /// <summary>
    /// Reads an .npz (arrays A and b) or a CSV file. <paramref name="targetColumn"/> (CSV only)
    /// names b's column: a 1-based number, a negative number counting from the end, or a header name.
    /// </summary>
    public static LoadedProblem Load(string path, string? targetColumn = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        InputFile.EnsureRegular(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        bool text = TextExtensions.Contains(extension);
        if (targetColumn is not null && !text)
            throw new InvalidInputException($"{path}: a target column applies to CSV files only; an .npz names its arrays A and b");
        return FileReadErrors.Guard(path, () => extension switch
        {
            ".npz" => NpzProblemReader.Read(path),
            ".npy" => throw new InvalidInputException($"{path}: a .npy file holds one array; give A and b as two .npy files, or save both with np.savez(path, A=A, b=b)"),
            _ when text => CsvProblemReader.Read(path, targetColumn),
            _ => throw new InvalidInputException($"{path}: unknown problem format '{extension}' (expected .npz, or .csv/.tsv/.txt)"),
        });
    }

    /// <summary>Reads A and b from two .npy files (<c>np.save('A.npy', A); np.save('b.npy', b)</c>).</summary>
    public static LoadedProblem LoadPair(string matrixPath, string targetPath)
    {
        ArgumentNullException.ThrowIfNull(matrixPath);
        ArgumentNullException.ThrowIfNull(targetPath);
        InputFile.EnsureRegular(matrixPath);
        InputFile.EnsureRegular(targetPath);
        foreach (var (path, array) in new[] { (matrixPath, "A"), (targetPath, "b") })
            if (!Path.GetExtension(path).Equals(".npy", StringComparison.OrdinalIgnoreCase))
                throw new InvalidInputException($"{path}: {array} must be a .npy file (np.save); an .npz or a CSV file holds a whole problem");
        string source = $"{matrixPath} + {targetPath}";
        return FileReadErrors.Guard(matrixPath, () => NpyPairReader.Read(NpyArraySource.File(matrixPath), NpyArraySource.File(targetPath), source, "npy"));
    }

    /// <summary>
    /// Writes <paramref name="problem"/> as .npz (float64 A of shape (n, d) and b of shape (n, 1),
    /// stored as <c>np.savez</c> stores them) or as CSV (header a1..ad,b), chosen by the
    /// extension. The file appears under its name only once complete.
    /// </summary>
    public static void Save(LinearProblem problem, string path)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        Action<string> write = extension switch
        {
            ".npz" => temporary => NpzWriter.Write(temporary,
            [
                new NpzWriter.Array("A", problem.Matrix.ToArray(), [problem.Rows, problem.Columns]),
                new NpzWriter.Array("b", problem.Target.ToArray(), [problem.Rows, 1]),
            ]),
            ".csv" => temporary => CsvProblemWriter.Write(temporary, problem),
            _ => throw new InvalidInputException($"{path}: cannot write '{extension}'; name the file .npz or .csv"),
        };
        AtomicFile.Write(path, write);
    }
}
