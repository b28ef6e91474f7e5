namespace TorchFit.Problems.Files;

/// <summary>Reads A and b from an .npz archive as <c>np.savez(path, A=A, b=b)</c> or <c>np.savez_compressed</c> writes it.</summary>
internal static class NpzProblemReader
{
    public static LoadedProblem Read(string path)
    {
        using var archive = NpzArchive.Open(path);
        var matrix = Array(archive, "A");
        var target = Array(archive, "b");
        return NpyPairReader.Read(matrix, target, path, "npz");
    }

    private static NpyArraySource Array(NpzArchive archive, string name) =>
        archive.Array(name) ?? throw new InvalidInputException($"{archive.Path}: no array '{name}' ({archive.DescribeArrays()}); save the problem with np.savez(path, A=A, b=b)");
}
