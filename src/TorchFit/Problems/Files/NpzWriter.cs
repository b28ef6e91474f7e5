using System.IO.Compression;
using System.Runtime.InteropServices;

namespace TorchFit.Problems.Files;

/// <summary>
/// Writes arrays into an .npz archive the way <c>np.savez</c> does: one stored (uncompressed)
/// <c>NAME.npy</c> entry each, little-endian float64 (<c>&lt;f8</c>) or float32 (<c>&lt;f4</c>).
/// </summary>
internal static class NpzWriter
{
    /// <summary>Values converted per chunk when they cannot be copied as they are.</summary>
    private const int ChunkValues = 8192;

    /// <summary>One array to write: its name, its values in row-major order, its shape, and the dtype it is stored in.</summary>
    public sealed record Array(string Name, double[] Values, long[] Shape, Precision Precision = Precision.Float64);

    public static void Write(string path, IEnumerable<Array> arrays)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var array in arrays)
        {
            var dtype = NpyDtype.Of(array.Precision);
            var entry = zip.CreateEntry(array.Name + ".npy", CompressionLevel.NoCompression);
            using var stream = entry.Open();
            stream.Write(NpyHeader.Format(dtype.Descr, array.Shape));
            WriteValues(stream, array.Values, dtype);
        }
    }

    private static void WriteValues(Stream stream, double[] values, NpyDtype dtype)
    {
        if (dtype.IsNativeFloat64)
        {
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }
        var buffer = new byte[dtype.Size * Math.Min(values.Length, ChunkValues)];
        for (int done = 0; done < values.Length; done += ChunkValues)
        {
            int chunk = Math.Min(ChunkValues, values.Length - done);
            for (int k = 0; k < chunk; k++)
                dtype.Write(buffer.AsSpan(k * dtype.Size, dtype.Size), values[done + k]);
            stream.Write(buffer, 0, chunk * dtype.Size);
        }
    }
}
