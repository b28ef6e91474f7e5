using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using TorchFit.Problems;
using TorchFit.Problems.Files;

namespace TorchFit.Tests.Problems.Files;

/// <summary>
/// An .npz is read only when NumPy would read the same values: every member's CRC-32 must match
/// (NumPy: <c>BadZipFile: Bad CRC-32</c>) and no member name may appear twice (NumPy takes the
/// last, .NET's reader the first).
/// </summary>
public sealed class NpzIntegrityTests : IDisposable
{
    private readonly TempDirectory _directory = new("torchfit-npz-");

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string> StoredArchives => new()
    {
        "question-2x3-seed0.npz",   // written by np.savez
        "written-by-torchfit.npz",  // written by ProblemFile.Save (stored entries, as np.savez)
    };

    [Theory]
    [MemberData(nameof(StoredArchives))]
    public void Should_Refuse_Every_Single_Flipped_Data_Byte_Of_A_Stored_Member(string file)
    {
        // Given a stored .npz, and each byte of A's and b's data flipped in turn
        byte[] valid = Archive(file);
        var spans = new[] { DataSpan(valid, "A.npy"), DataSpan(valid, "b.npy") };
        int flipped = 0;
        foreach (var (start, length) in spans)
            for (int at = start; at < start + length; at++)
            {
                byte[] bytes = (byte[])valid.Clone();
                bytes[at] ^= 0x01;   // the lowest mantissa bit: a value still finite and plausible
                string path = _directory.Combine($"flip{at}.npz");
                File.WriteAllBytes(path, bytes);

                // When it is loaded, then it is refused as NumPy refuses it, naming the array
                var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));
                Assert.Contains("Bad CRC-32", error.Message, StringComparison.Ordinal);
                Assert.StartsWith($"{path}: array '", error.Message, StringComparison.Ordinal);
                flipped++;
            }
        Assert.True(flipped >= 8 * (6 + 2), $"only {flipped} bytes were flipped");
    }

    [Fact]
    public void Should_Refuse_A_Deflated_Member_Whose_Crc_Does_Not_Match()
    {
        // Given an np.savez_compressed-style archive whose recorded CRC of A.npy is wrong
        string path = _directory.Combine("compressed.npz");
        WriteArchive(path, CompressionLevel.Optimal, ("A.npy", Npy([1, 2, 3, 4, 5, 6], [2, 3])), ("b.npy", Npy([1, 2], [2, 1])));
        byte[] bytes = File.ReadAllBytes(path);
        foreach (int crcAt in CrcFields(bytes, "A.npy")) bytes[crcAt] ^= 0xFF;   // the CRC's low byte, in both places
        File.WriteAllBytes(path, bytes);

        // When it is loaded, then it is refused with one line
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));
        Assert.StartsWith($"{path}: array 'A'", error.Message, StringComparison.Ordinal);
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Still_Read_Valid_Stored_And_Deflated_Archives()
    {
        // Given intact archives of both kinds, then they load (the check refuses only corruption)
        foreach (var level in new[] { CompressionLevel.NoCompression, CompressionLevel.Optimal })
        {
            string path = _directory.Combine($"valid-{level}.npz");
            WriteArchive(path, level, ("A.npy", Npy([1, 2, 3, 4, 5, 6], [2, 3])), ("b.npy", Npy([7, 8], [2])));
            var loaded = ProblemFile.Load(path);
            Assert.Equal([1.0, 2, 3, 4, 5, 6], loaded.Problem.Matrix.ToArray());
            Assert.Equal([7.0, 8], loaded.Problem.Target.ToArray());
        }
    }

    [Theory]
    [InlineData("A.npy")]
    [InlineData("b.npy")]
    [InlineData("notes.npy")]
    public void Should_Refuse_An_Archive_With_Two_Members_Of_One_Name(string duplicated)
    {
        // Given an archive holding the member twice with different values (NumPy reads the last)
        string path = _directory.Combine("twice.npz");
        var members = new List<(string, byte[])> { ("A.npy", Npy([1, 2, 3, 4, 5, 6], [2, 3])), ("b.npy", Npy([1, 2], [2])) };
        if (duplicated == "notes.npy") members.Add((duplicated, Npy([0, 0], [2])));   // a member TorchFit does not read, twice
        members.Add((duplicated, Npy([9, 9, 9, 9, 9, 9], duplicated == "b.npy" ? [2] : [2, 3])));
        WriteArchive(path, CompressionLevel.NoCompression, [.. members]);

        // When it is loaded, then it is refused, naming the member
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));
        Assert.StartsWith($"{path}: holds 2 members named '{duplicated}'", error.Message, StringComparison.Ordinal);
    }

    private byte[] Archive(string file)
    {
        if (file != "written-by-torchfit.npz") return File.ReadAllBytes(TestFiles.Data(file));
        string path = _directory.Combine(file);
        ProblemFile.Save(ProblemGenerator.Uniform(2, 3, 0), path);
        return File.ReadAllBytes(path);
    }

    /// <summary>Where the values of a stored member start in the archive, and how many bytes they take (after its .npy header).</summary>
    private static (int Start, int Length) DataSpan(byte[] zip, string member)
    {
        int local = LocalHeader(zip, member);
        int magic = IndexOf(zip, [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'], local);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(magic + 8));
        string header = Encoding.Latin1.GetString(zip, magic + 10, headerLength);
        int values = header.Contains("(2, 3)", StringComparison.Ordinal) ? 6 : 2;
        return (magic + 10 + headerLength, 8 * values);
    }

    /// <summary>The CRC-32 fields of a member: in its local header and in the central directory.</summary>
    private static IEnumerable<int> CrcFields(byte[] zip, string member)
    {
        yield return LocalHeader(zip, member) + 14;
        int central = IndexOf(zip, [.. "PK\u0001\u0002"u8], 0);
        while (central >= 0)
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(central + 28));
            if (Encoding.ASCII.GetString(zip, central + 46, nameLength) == member)
                yield return central + 16;
            central = IndexOf(zip, [.. "PK\u0001\u0002"u8], central + 4);
        }
    }

    private static int LocalHeader(byte[] zip, string member)
    {
        for (int at = IndexOf(zip, [.. "PK\u0003\u0004"u8], 0); at >= 0; at = IndexOf(zip, [.. "PK\u0003\u0004"u8], at + 4))
        {
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(at + 26));
            if (Encoding.ASCII.GetString(zip, at + 30, nameLength) == member) return at;
        }
        throw new InvalidOperationException($"no member {member}");
    }

    private static int IndexOf(byte[] bytes, byte[] pattern, int from)
    {
        int at = bytes.AsSpan(from).IndexOf(pattern);
        return at < 0 ? -1 : from + at;
    }

    private static byte[] Npy(double[] values, long[] shape)
    {
        var bytes = new List<byte>(NpyHeader.Format("<f8", shape));
        foreach (double v in values) bytes.AddRange(BitConverter.GetBytes(v));
        return [.. bytes];
    }

    private static void WriteArchive(string path, CompressionLevel level, params (string Name, byte[] Bytes)[] members)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in members)
        {
            using var stream = zip.CreateEntry(name, level).Open();
            stream.Write(bytes);
        }
    }
}
