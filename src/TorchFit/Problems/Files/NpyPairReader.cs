using System.Globalization;

namespace TorchFit.Problems.Files;

/// <summary>
/// Reads A and b from two .npy arrays. Both headers are checked against each other (dimensions,
/// rows, emptiness, memory) before any data is read, so a bad pair costs nothing to refuse.
/// </summary>
internal static class NpyPairReader
{
    public static LoadedProblem Read(NpyArraySource matrix, NpyArraySource target, string source, string format)
    {
        var a = matrix.ReadHeader();
        var b = target.ReadHeader();
        CheckShapes(a, b, matrix.Where, target.Where, source);
        int rows = (int)a.Shape[0], columns = (int)a.Shape[1];
        var values = matrix.ReadValues(a);
        var targets = target.ReadValues(b);
        ProblemArrays.EnsureFinite(matrix.Where, "A", values, columns);
        ProblemArrays.EnsureFinite(target.Where, "b", targets, columns: null);
        return new LoadedProblem(LinearProblem.Adopt(source, rows, columns, values, targets), source, format,
            Describe("A", a), Describe("b", b));
    }

    private static void CheckShapes(NpyHeader a, NpyHeader b, string whereA, string whereB, string source)
    {
        if (a.Shape.Length != 2)
            throw new InvalidInputException($"{whereA}: A must be 2-D (n rows, d columns), got shape {a.ShapeText}"
                + (a.Shape.Length == 1 ? "; for one feature save A.reshape(-1, 1)" : ""));
        if (b.Shape.Length is not (1 or 2))
            throw new InvalidInputException($"{whereB}: b must have shape (n,) or (n, 1), got {b.ShapeText}");
        if (a.Count == 0) throw new InvalidInputException($"{whereA}: A is empty (shape {a.ShapeText})");
        if (b.Count == 0) throw new InvalidInputException($"{whereB}: b is empty (shape {b.ShapeText})");
        if (b.Shape.Length == 2 && b.Shape[1] != 1)
            throw new InvalidInputException($"{whereB}: b must have shape (n,) or (n, 1), got {b.ShapeText}: TorchFit fits one target column");
        ProblemMemory.EnsureFits(a.Shape[0], a.Shape[1], whereA);
        if (a.Shape[0] != b.Shape[0])
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"{source}: A has {a.Shape[0]:N0} rows but b has {b.Shape[0]:N0}; they must match (one target per row of A)"));
    }

    private static StoredArray Describe(string name, NpyHeader header) => new(name, header.Dtype.Descr, header.Shape, header.FortranOrder);
}
