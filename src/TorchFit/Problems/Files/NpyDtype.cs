using System.Buffers.Binary;

namespace TorchFit.Problems.Files;

/// <summary>
/// A NumPy dtype that TorchFit reads as float64 (and writes, for float32 and float64): bool, signed and unsigned integers of 1–8 bytes,
/// and floats of 2, 4 or 8 bytes, in either byte order. Anything else is refused with a reason.
/// </summary>
/// <param name="Descr">The dtype as stored, e.g. <c>&lt;f8</c>.</param>
/// <param name="Kind">NumPy's kind letter: b, i, u or f.</param>
/// <param name="Size">Bytes per value.</param>
/// <param name="BigEndian">True for <c>&gt;</c> (NumPy writes <c>&lt;</c> on every common machine).</param>
internal readonly record struct NpyDtype(string Descr, char Kind, int Size, bool BigEndian)
{
    /// <summary>The NumPy name, e.g. float32 or uint16.</summary>
    public string Name => Kind switch
    {
        'b' => "bool",
        'i' => $"int{Size * 8}",
        'u' => $"uint{Size * 8}",
        _ => $"float{Size * 8}",
    };

    /// <summary>True when the bytes are already little-endian float64, so they can be copied as they are.</summary>
    public bool IsNativeFloat64 => Kind == 'f' && Size == 8 && !BigEndian && BitConverter.IsLittleEndian;

    /// <summary>The little-endian float dtype NumPy stores <paramref name="precision"/> in: <c>&lt;f4</c> or <c>&lt;f8</c>.</summary>
    public static NpyDtype Of(Precision precision) =>
        precision == Precision.Float64 ? new("<f8", 'f', 8, false) : new("<f4", 'f', 4, false);

    /// <summary>
    /// Parses a descr such as <c>&lt;f8</c>. Returns null and a reason (naming the dtype) for
    /// dtypes TorchFit does not read: complex, object, strings, dates, raw bytes, float128.
    /// </summary>
    public static NpyDtype? Parse(string descr, out string? reason)
    {
        reason = null;
        string text = descr.Trim();
        int start = text.Length > 0 && text[0] is '<' or '>' or '|' or '=' ? 1 : 0;
        bool bigEndian = start == 1 && text[0] == '>';
        string body = text[start..];
        if (body.Length < 1)
        {
            reason = $"dtype '{descr}' is not a NumPy dtype";
            return null;
        }
        char kind = body[0];
        bool sized = int.TryParse(body.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int size);
        reason = kind switch
        {
            'c' => $"complex numbers (dtype '{descr}') are not supported; save a real array (np.real(A)) instead",
            'O' => $"Python objects (dtype '{descr}') are not supported; save a numeric array (A.astype(float)) instead",
            'U' or 'S' or 'a' => $"strings (dtype '{descr}') are not supported; save a numeric array (A.astype(float)) instead",
            'M' or 'm' => $"dates and times (dtype '{descr}') are not supported",
            'V' => $"raw bytes (dtype '{descr}') are not supported",
            'b' or 'i' or 'u' or 'f' when !sized => $"dtype '{descr}' is not a NumPy dtype",
            'b' when size != 1 => $"dtype '{descr}' is not a NumPy bool",
            'i' or 'u' when size is not (1 or 2 or 4 or 8) => $"dtype '{descr}' is not a NumPy integer",
            'f' when size is not (2 or 4 or 8) => $"dtype '{descr}' (float{size * 8}) is not supported; save float64 (A.astype(np.float64)) instead",
            'b' or 'i' or 'u' or 'f' when sized => null,
            _ => $"dtype '{descr}' is not supported (TorchFit reads bool, integers and float16/32/64)",
        };
        return reason is null ? new NpyDtype(descr, kind, size, bigEndian) : null;
    }

    /// <summary>
    /// Writes <paramref name="value"/> into <paramref name="bytes"/> (at least <see cref="Size"/>
    /// long), rounded to float32 for a 4-byte float as NumPy's <c>astype(np.float32)</c> rounds it.
    /// Floats only: TorchFit writes nothing else.
    /// </summary>
    public void Write(Span<byte> bytes, double value)
    {
        switch (Kind, Size, BigEndian)
        {
            case ('f', 8, false): BinaryPrimitives.WriteDoubleLittleEndian(bytes, value); break;
            case ('f', 8, true): BinaryPrimitives.WriteDoubleBigEndian(bytes, value); break;
            case ('f', 4, false): BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)value); break;
            case ('f', 4, true): BinaryPrimitives.WriteSingleBigEndian(bytes, (float)value); break;
            default: throw new InvalidOperationException($"TorchFit does not write dtype {Descr}");
        }
    }

    /// <summary>Reads one value from <paramref name="bytes"/> (at least <see cref="Size"/> long) as a double.</summary>
    public double Read(ReadOnlySpan<byte> bytes) => (Kind, Size, BigEndian) switch
    {
        ('f', 8, false) => BinaryPrimitives.ReadDoubleLittleEndian(bytes),
        ('f', 8, true) => BinaryPrimitives.ReadDoubleBigEndian(bytes),
        ('f', 4, false) => BinaryPrimitives.ReadSingleLittleEndian(bytes),
        ('f', 4, true) => BinaryPrimitives.ReadSingleBigEndian(bytes),
        ('f', 2, false) => (double)BinaryPrimitives.ReadHalfLittleEndian(bytes),
        ('f', 2, true) => (double)BinaryPrimitives.ReadHalfBigEndian(bytes),
        ('b', _, _) => bytes[0] != 0 ? 1 : 0,
        ('i', 1, _) => (sbyte)bytes[0],
        ('u', 1, _) => bytes[0],
        ('i', 2, false) => BinaryPrimitives.ReadInt16LittleEndian(bytes),
        ('i', 2, true) => BinaryPrimitives.ReadInt16BigEndian(bytes),
        ('u', 2, false) => BinaryPrimitives.ReadUInt16LittleEndian(bytes),
        ('u', 2, true) => BinaryPrimitives.ReadUInt16BigEndian(bytes),
        ('i', 4, false) => BinaryPrimitives.ReadInt32LittleEndian(bytes),
        ('i', 4, true) => BinaryPrimitives.ReadInt32BigEndian(bytes),
        ('u', 4, false) => BinaryPrimitives.ReadUInt32LittleEndian(bytes),
        ('u', 4, true) => BinaryPrimitives.ReadUInt32BigEndian(bytes),
        ('i', 8, false) => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        ('i', 8, true) => BinaryPrimitives.ReadInt64BigEndian(bytes),
        ('u', 8, false) => BinaryPrimitives.ReadUInt64LittleEndian(bytes),
        ('u', 8, true) => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        _ => throw new InvalidOperationException($"unreadable dtype {Descr}"),
    };
}
