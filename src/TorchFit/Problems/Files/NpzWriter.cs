using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace TorchFit.Problems.Files;

/// <summary>Writes float64 arrays into an .npz archive the way <c>np.savez</c> does: one stored (uncompressed) <c>NAME.npy</c> entry each.</summary>
internal static class NpzWriter
{
    /// <summary>One array to write: its name, its values in row-major order, and its shape.</summary>
    public sealed record Array(string Name, double[] Values, long[] Shape);

    public static void Write(string path, IEnumerable<Array> arrays)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var array in arrays)
        {
            var entry = zip.CreateEntry(array.Name + ".npy", CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write(NpyHeader.Format("<f8", array.Shape));
            WriteLittleEndian(stream, array.Values);
        }
    }

    private static void WriteLittleEndian(Stream stream, double[] values)
    {
        if (BitConverter.IsLittleEndian)
        {
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        var bytes = new byte[8];
        foreach (double value in values)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
            stream.Write(bytes);
        }
    }
}
