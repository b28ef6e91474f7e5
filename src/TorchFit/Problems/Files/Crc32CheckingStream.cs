using System.IO.Hashing;

namespace TorchFit.Problems.Files;

/// <summary>
/// Reads an .npz member and checks its CRC-32 against the one the archive stores when the member's
/// last byte has been read, as Python's zipfile does (NumPy: <c>BadZipFile: Bad CRC-32</c>).
/// System.IO.Compression checks no CRC of a stored (np.savez) member, so a flipped data byte
/// would otherwise be read as a value.
/// </summary>
internal sealed class Crc32CheckingStream(Stream inner, uint expected, string where) : Stream
{
    private readonly Crc32 _crc = new();
    private bool _checked;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = inner.Read(buffer);
        if (read > 0) _crc.Append(buffer[..read]);
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            uint actual = _crc.GetCurrentHashAsUInt32();
            if (actual != expected)
                throw new InvalidInputException($"{where}: Bad CRC-32 (the archive records {expected:x8}, the data hashes to {actual:x8}); the file is corrupt");
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
