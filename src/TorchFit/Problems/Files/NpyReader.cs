using System.Runtime.InteropServices;

namespace TorchFit.Problems.Files;

/// <summary>Reads the data of a .npy array, after its <see cref="NpyHeader"/>, as float64 in row-major order.</summary>
internal static class NpyReader
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// Reads the <see cref="NpyHeader.Count"/> values that follow the header in
    /// <paramref name="stream"/>. Fortran-order 2-D data is transposed into row-major order.
    /// <paramref name="dataBytesAvailable"/>, when known, lets a truncated file be refused before
    /// anything is allocated. The caller has already checked that the array fits in memory.
    /// </summary>
    public static double[] ReadValues(Stream stream, NpyHeader header, long? dataBytesAvailable, string where)
    {
        if (header.Shape.Length > 2)
            throw new InvalidInputException($"{where}: only arrays of up to 2 dimensions can be read, got shape {header.ShapeText}");
        long count = header.Count ?? throw new InvalidInputException($"{where}: shape {header.ShapeText} is too large");
        int size = header.Dtype.Size;
        long expected = count * size;
        if (dataBytesAvailable is long available && available < expected)
            throw Truncated(where, header, expected, available);

        var values = new double[count];
        var buffer = new byte[(int)Math.Min(expected, ChunkBytes / size * size)];
        bool transpose = header.FortranOrder && header.Shape.Length == 2;
        long rows = transpose ? header.Shape[0] : 1, columns = transpose ? header.Shape[1] : 1;
        long done = 0;
        while (done < count)
        {
            int chunk = (int)Math.Min(buffer.Length / size, count - done);
            int read = stream.ReadAtLeast(buffer.AsSpan(0, chunk * size), chunk * size, throwOnEndOfStream: false);
            if (read < chunk * size) throw Truncated(where, header, expected, done * size + read);
            var bytes = buffer.AsSpan(0, chunk * size);
            if (!transpose && header.Dtype.IsNativeFloat64)
                MemoryMarshal.Cast<byte, double>(bytes).CopyTo(values.AsSpan((int)done, chunk));   // .NET arrays are capped below 2³¹ elements
            else
                for (int k = 0; k < chunk; k++)
                {
                    long index = done + k;
                    // Fortran order stores column by column: file index = column·rows + row.
                    long target = transpose ? index % rows * columns + index / rows : index;
                    values[target] = header.Dtype.Read(bytes.Slice(k * size, size));
                }
            done += chunk;
        }
        return values;
    }

    private static InvalidInputException Truncated(string where, NpyHeader header, long expected, long available) =>
        new($"{where}: truncated: shape {header.ShapeText} of {header.Dtype.Name} needs {expected:N0} bytes of data, but only {available:N0} follow the header");
}
