namespace TorchFit.Problems.Files;

/// <summary>One .npy array to read: a file, or an entry of an .npz archive.</summary>
/// <param name="Where">How errors name it: "a.npy" or "data.npz: array 'A'".</param>
/// <param name="Open">Opens a fresh stream at the array's first byte.</param>
/// <param name="Length">The array's size in bytes, header included, as the file or archive declares it.</param>
internal sealed record NpyArraySource(string Where, Func<Stream> Open, long Length)
{
    /// <summary>A .npy file, named in errors by its path.</summary>
    public static NpyArraySource File(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read), new FileInfo(path).Length);

    /// <summary>Reads the header alone, so that shapes can be checked before any data is read.</summary>
    public NpyHeader ReadHeader() => Guard(() =>
    {
        using var stream = Open();
        return NpyHeader.Read(stream, Where);
    });

    /// <summary>
    /// Reads the values described by <paramref name="header"/> (from <see cref="ReadHeader"/>) as
    /// float64 in row-major order, to the array's last byte, where an .npz member's CRC-32 is checked.
    /// </summary>
    public double[] ReadValues(NpyHeader header) => Guard(() =>
    {
        using var stream = Open();
        NpyHeader.Read(stream, Where);
        var values = NpyReader.ReadValues(stream, header, Length - header.DataOffset, Where);
        stream.CopyTo(Stream.Null);
        return values;
    });

    /// <summary>A corrupt compressed entry fails inside the zip stream: name the array it belongs to.</summary>
    private T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidInputException($"{Where}: corrupt data: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new InvalidInputException($"{Where}: unsupported: {e.Message}", e);
        }
    }
}
