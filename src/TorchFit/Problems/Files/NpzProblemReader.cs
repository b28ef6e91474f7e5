using System.IO.Compression;

namespace TorchFit.Problems.Files;

/// <summary>
/// Reads A and b from an .npz archive as <c>np.savez(path, A=A, b=b)</c> (stored entries) or
/// <c>np.savez_compressed</c> (deflated entries) writes it. Every member read has its CRC-32
/// checked, and an archive with two members of one name is refused.
/// </summary>
internal static class NpzProblemReader
{
    public static LoadedProblem Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var zip = OpenArchive(file, path);
        EnsureUniqueNames(zip, path);
        var matrix = Array(zip, "A", path);
        var target = Array(zip, "b", path);
        return NpyPairReader.Read(matrix, target, path, "npz");
    }

    private static ZipArchive OpenArchive(FileStream file, string path)
    {
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException($"{path}: not a readable .npz archive (truncated, or not a zip file): {e.Message}", e);
        }
    }

    private static NpyArraySource Array(ZipArchive zip, string name, string path)
    {
        var entry = zip.GetEntry(name + ".npy");
        if (entry is null)
        {
            var names = zip.Entries.Select(e => e.FullName).Where(n => n.EndsWith(".npy", StringComparison.Ordinal)).Select(n => $"'{n[..^4]}'").ToList();
            string holds = names.Count == 0 ? "it holds no arrays" : $"it holds {string.Join(", ", names)}";
            throw new InvalidInputException($"{path}: no array '{name}' ({holds}); save the problem with np.savez(path, A=A, b=b)");
        }
        string where = $"{path}: array '{name}'";
        return new NpyArraySource(where, () => new Crc32CheckingStream(entry.Open(), entry.Crc32, where), entry.Length);
    }

    /// <summary>
    /// Two members of one name: NumPy reads the last, System.IO.Compression the first, so the two
    /// would fit different problems. Refuse instead of choosing.
    /// </summary>
    private static void EnsureUniqueNames(ZipArchive zip, string path)
    {
        var duplicate = zip.Entries.GroupBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidInputException($"{path}: holds {duplicate.Count()} members named '{duplicate.Key}'; NumPy would read the last and other readers the first, so the file is ambiguous: save it again with np.savez");
    }
}
