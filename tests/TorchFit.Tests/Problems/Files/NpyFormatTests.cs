using System.Buffers.Binary;
using System.Text;
using TorchFit.Problems.Files;

namespace TorchFit.Tests.Problems.Files;

public class NpyFormatTests
{
    [Fact]
    public void Should_Write_Headers_NumPy_Reads_And_Read_Them_Back()
    {
        // NumPy aligns the data to 64 bytes and ends the header with a newline
        byte[] bytes = NpyHeader.Format("<f8", [200, 300]);
        Assert.Equal(0, bytes.Length % 64);
        Assert.Equal((byte)'\n', bytes[^1]);

        var header = NpyHeader.Read(new MemoryStream(bytes), "x.npy");
        Assert.Equal([200L, 300L], header.Shape);
        Assert.Equal("float64", header.Dtype.Name);
        Assert.False(header.FortranOrder);
        Assert.Equal(bytes.Length, header.DataOffset);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_Read_Format_Versions_2_And_3(byte major)
    {
        string dict = "{'descr': '<i4', 'fortran_order': True, 'shape': (3L, 2), }\n";
        var bytes = new List<byte>(NpyHeader.Magic.ToArray()) { major, 0 };
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)dict.Length);
        bytes.AddRange(length);
        bytes.AddRange(Encoding.UTF8.GetBytes(dict));

        var header = NpyHeader.Read(new MemoryStream(bytes.ToArray()), "x.npy");

        Assert.Equal([3L, 2L], header.Shape);
        Assert.True(header.FortranOrder);
        Assert.Equal("int32", header.Dtype.Name);
    }

    [Theory]
    [InlineData("{'descr': '<f8', 'shape': (2,), }", "'fortran_order' missing")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (-2,), }", "shape entry 0 is not a size ≥ 0")]
    [InlineData("{'descr': '<f8', 'fortran_order': False, 'shape': (2,)", "expected ',' or '}'")]
    [InlineData("{'descr': '<f8', 'fortran_order': Maybe, 'shape': (2,), }", "unexpected 'Maybe'")]
    [InlineData("{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }", "complex numbers (dtype '<c8')")]
    [InlineData("{'descr': '<f16', 'fortran_order': False, 'shape': (2,), }", "float128) is not supported")]
    [InlineData("[1, 2]", "not a dict")]
    public void Should_Refuse_Malformed_Headers_With_A_Reason(string dict, string reason)
    {
        var error = Assert.Throws<InvalidInputException>(() => NpyHeader.Read(new MemoryStream(Npy(dict, [])), "x.npy"));
        Assert.StartsWith("x.npy: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_File_That_Is_Not_Npy()
    {
        var error = Assert.Throws<InvalidInputException>(() => NpyHeader.Read(new MemoryStream("hello, world"u8.ToArray()), "x.npy"));
        Assert.Contains("not a .npy array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_Truncated_Data_Saying_How_Much_Is_Missing()
    {
        string path = WriteNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", new byte[8 * 5]);
        string b = WriteNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", new byte[8 * 2]);

        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.LoadPair(path, b));

        Assert.Contains("truncated: shape (2, 3) of float64 needs 48 bytes of data, but only 40 follow the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Huge_Shape_Before_Allocating_And_Say_How_Much_It_Needs()
    {
        // A corrupt or hostile header claiming 10⁵ × 10⁵ float64 (74,506 MiB) with no data behind it
        string a = WriteNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }", []);
        string b = WriteNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000,), }", []);

        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.LoadPair(a, b));

        Assert.StartsWith(a + ": a 100,000×100,000 problem needs about", error.Message, StringComparison.Ordinal);
        Assert.Contains("76,294 MiB for A in float64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_A_Shape_Whose_Product_Overflows()
    {
        string a = WriteNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (9223372036854775807, 9223372036854775807), }", []);
        string b = WriteNpy("{'descr': '<f8', 'fortran_order': False, 'shape': (9223372036854775807,), }", []);
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.LoadPair(a, b));
        Assert.Contains("MiB", error.Message, StringComparison.Ordinal);
    }

    private static string WriteNpy(string dict, byte[] data)
    {
        string path = Path.Combine(TestFiles.NewDirectory(), "a.npy");
        File.WriteAllBytes(path, Npy(dict, data));
        return path;
    }

    private static byte[] Npy(string dict, byte[] data)
    {
        var bytes = new List<byte>(NpyHeader.Magic.ToArray()) { 1, 0 };
        string text = dict + "\n";
        bytes.Add((byte)text.Length);
        bytes.Add((byte)(text.Length >> 8));
        bytes.AddRange(Encoding.Latin1.GetBytes(text));
        bytes.AddRange(data);
        return bytes.ToArray();
    }
}
