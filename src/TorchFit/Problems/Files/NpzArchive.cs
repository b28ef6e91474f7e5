using System.IO.Compression;

namespace TorchFit.Problems.Files;

/// <summary>
/// An .npz archive opened for reading, as <c>np.savez</c> (stored entries) or
/// <c>np.savez_compressed</c> (deflated entries) writes it. An archive with two members of one
/// name is refused on opening, and every array read through <see cref="Array"/> has its CRC-32
/// checked once its last byte is read.
/// </summary>
internal sealed class NpzArchive : IDisposable
{
    private readonly FileStream _file;
    private readonly ZipArchive _zip;

    private NpzArchive(string path, FileStream file, ZipArchive zip)
    {
        Path = path;
        _file = file;
        _zip = zip;
    }

    /// <summary>The file, as errors name it.</summary>
    public string Path { get; }

    /// <summary>The names of the archive's members, as stored (e.g. <c>A.npy</c>).</summary>
    public IEnumerable<string> MemberNames => _zip.Entries.Select(e => e.FullName);

    /// <summary>Opens <paramref name="path"/>; throws <see cref="InvalidInputException"/> for a file that is no zip archive or an ambiguous one.</summary>
    public static NpzArchive Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            var zip = OpenZip(file, path);
            try
            {
                EnsureUniqueNames(zip, path);
                return new NpzArchive(path, file, zip);
            }
            catch
            {
                zip.Dispose();
                throw;
            }
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The array stored as <c>NAME.npy</c>, or null when there is none.</summary>
    public NpyArraySource? Array(string name)
    {
        var entry = _zip.GetEntry(name + ".npy");
        if (entry is null) return null;
        string where = $"{Path}: array '{name}'";
        return new NpyArraySource(where, () => new Crc32CheckingStream(entry.Open(), entry.Crc32, where), entry.Length);
    }

    /// <summary>"it holds 'A', 'c'" or "it holds no arrays": what to say when an array is missing.</summary>
    public string DescribeArrays()
    {
        var names = MemberNames.Where(n => n.EndsWith(".npy", StringComparison.Ordinal)).Select(n => $"'{n[..^4]}'").ToList();
        return names.Count == 0 ? "it holds no arrays" : $"it holds {string.Join(", ", names)}";
    }

    public void Dispose()
    {
        _zip.Dispose();
        _file.Dispose();
    }

    private static ZipArchive OpenZip(FileStream file, string path)
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

    /// <summary>
    /// Two members of one name: NumPy reads the last, System.IO.Compression the first, so the two
    /// would read different values. Refuse instead of choosing.
    /// </summary>
    private static void EnsureUniqueNames(ZipArchive zip, string path)
    {
        var duplicate = zip.Entries.GroupBy(e => e.FullName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidInputException($"{path}: holds {duplicate.Count()} members named '{duplicate.Key}'; NumPy would read the last and other readers the first, so the file is ambiguous: save it again with np.savez");
    }
}
