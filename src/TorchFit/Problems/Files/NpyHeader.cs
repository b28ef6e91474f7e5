using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace TorchFit.Problems.Files;

/// <summary>
/// The header of a .npy array (format versions 1.0, 2.0 and 3.0): the magic string, the version,
/// and a Python dict literal with <c>descr</c>, <c>fortran_order</c> and <c>shape</c>.
/// </summary>
/// <param name="Dtype">How each value is stored.</param>
/// <param name="FortranOrder">True when the data is column-major.</param>
/// <param name="Shape">The array's dimensions; empty for a scalar.</param>
/// <param name="DataOffset">Bytes from the start of the file to the first data byte.</param>
internal sealed record NpyHeader(NpyDtype Dtype, bool FortranOrder, long[] Shape, long DataOffset)
{
    /// <summary>"\x93NUMPY", the first six bytes of every .npy file.</summary>
    public static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>NumPy itself refuses headers above 10,000 bytes unless told otherwise; allow more, but not gigabytes.</summary>
    private const int MaxHeaderLength = 1 << 20;

    /// <summary>Values in the array (the product of <see cref="Shape"/>; 1 for a scalar), or null past 2⁶³.</summary>
    public long? Count
    {
        get
        {
            long count = 1;
            foreach (long dimension in Shape)
            {
                if (dimension != 0 && count > long.MaxValue / dimension) return null;
                count *= dimension;
            }
            return count;
        }
    }

    /// <summary>The shape as Python prints it: (), (4,), (4, 5).</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>(), (4,), (4, 5).</summary>
    public static string FormatShape(IReadOnlyList<long> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => "(" + string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")",
    };

    /// <summary>
    /// Reads the header from the start of <paramref name="stream"/>, leaving it at the first data
    /// byte. Throws <see cref="InvalidInputException"/> prefixed with <paramref name="where"/>.
    /// </summary>
    public static NpyHeader Read(Stream stream, string where)
    {
        Span<byte> preamble = stackalloc byte[12];
        if (stream.ReadAtLeast(preamble[..8], 8, throwOnEndOfStream: false) < 8)
            throw Fail(where, "truncated: too short for a .npy header");
        if (!preamble[..6].SequenceEqual(Magic))
            throw Fail(where, "not a .npy array (it does not start with \\x93NUMPY)");
        int major = preamble[6], minor = preamble[7];
        if (major is not (1 or 2 or 3))
            throw Fail(where, $"unsupported .npy format version {major}.{minor} (TorchFit reads 1.0 to 3.0)");
        int lengthBytes = major == 1 ? 2 : 4;
        if (stream.ReadAtLeast(preamble.Slice(8, lengthBytes), lengthBytes, throwOnEndOfStream: false) < lengthBytes)
            throw Fail(where, "truncated: too short for a .npy header");
        long length = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(preamble[8..]) : BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..]);
        if (length > MaxHeaderLength)
            throw Fail(where, $"the header claims {length:N0} bytes, more than any real .npy header; the file is corrupt");
        var header = new byte[length];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
            throw Fail(where, $"truncated: the file ends inside its {length:N0}-byte header");
        string text = major == 3 ? DecodeUtf8(header, where) : Encoding.Latin1.GetString(header);
        return Parse(text, where, 8 + lengthBytes + length);
    }

    /// <summary>A version 1.0 header for <paramref name="descr"/> and <paramref name="shape"/> in C order, padded as NumPy pads it.</summary>
    public static byte[] Format(string descr, IReadOnlyList<long> shape)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {FormatShape(shape)}, }}";
        // NumPy pads with spaces and a final newline so that the data starts on a 64-byte boundary.
        int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        int padding = (64 - unpadded % 64) % 64;
        string text = dict + new string(' ', padding) + "\n";
        var bytes = new byte[Magic.Length + 4 + text.Length];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        bytes[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)text.Length);
        Encoding.Latin1.GetBytes(text, bytes.AsSpan(10));
        return bytes;
    }

    private static NpyHeader Parse(string text, string where, long dataOffset)
    {
        object? literal;
        try
        {
            literal = PythonLiteral.Parse(text);
        }
        catch (FormatException e)
        {
            throw Fail(where, $"malformed header: {e.Message}");
        }
        if (literal is not Dictionary<string, object?> dict)
            throw Fail(where, "malformed header: not a dict");
        if (!dict.TryGetValue("descr", out object? descr)) throw Fail(where, "malformed header: no 'descr'");
        if (!dict.TryGetValue("fortran_order", out object? fortran) || fortran is not bool fortranOrder)
            throw Fail(where, "malformed header: 'fortran_order' missing or not True/False");
        if (!dict.TryGetValue("shape", out object? shapeValue) || shapeValue is not List<object?> shapeItems)
            throw Fail(where, "malformed header: 'shape' missing or not a tuple");
        var shape = new long[shapeItems.Count];
        for (int k = 0; k < shape.Length; k++)
        {
            if (shapeItems[k] is not long dimension || dimension < 0)
                throw Fail(where, $"malformed header: shape entry {k} is not a size ≥ 0");
            shape[k] = dimension;
        }
        if (descr is not string descrText)
            throw Fail(where, "structured (record) arrays are not supported; save a plain numeric array");
        var dtype = NpyDtype.Parse(descrText, out string? reason) ?? throw Fail(where, reason!);
        return new NpyHeader(dtype, fortranOrder, shape, dataOffset);
    }

    private static string DecodeUtf8(byte[] header, string where)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(header);
        }
        catch (DecoderFallbackException)
        {
            throw Fail(where, "malformed header: not valid UTF-8");
        }
    }

    private static InvalidInputException Fail(string where, string what) => new($"{where}: {what}");
}
