using System.IO.Compression;
using TorchFit.Problems.Files;

namespace TorchFit.Tests.Problems.Files;

/// <summary>
/// Dense(1) weights in and out as NumPy files: written as <c>np.savez(path, kernel=kernel, bias=bias)</c>
/// writes them, in the training dtype, and read back from what NumPy writes (data/reference/files/weights-*,
/// made by tools/reference/make_weights_files.py), with every bad file refused in one line that names it.
/// </summary>
public sealed class KerasWeightsTests : IDisposable
{
    /// <summary>The values tools/reference/make_weights_files.py saves: kernel (5, 1) and bias (1,).</summary>
    private static readonly double[] Kernel = [0.1, -0.25, 1.0 / 3.0, -1e-7, 12345.678];
    private const double Bias = 1.0 / 7.0;

    private readonly TempDirectory _directory = new("torchfit-weights-");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(Precision.Float64, true)]
    [InlineData(Precision.Float64, false)]
    [InlineData(Precision.Float32, true)]
    [InlineData(Precision.Float32, false)]
    public void Should_Read_Back_What_It_Wrote_In_The_Training_Dtype(Precision precision, bool withBias)
    {
        // Given weights, with or without a bias
        var weights = new KerasWeights(Kernel, withBias ? Bias : null);
        string path = _directory.Combine("weights.npz");

        // When they are written in the precision and read back
        KerasWeights.Write(path, weights, precision);
        var read = KerasWeights.Read(path, Kernel.Length);

        // Then the values are exact in float64 and the float32 roundings in float32
        Assert.Equal(Kernel.Select(v => InDtype(v, precision)), read.Kernel);
        Assert.Equal(withBias ? InDtype(Bias, precision) : null, read.Bias);
        Assert.Equal(withBias ? ["kernel.npy", "bias.npy"] : ["kernel.npy"], Members(path).Keys);
        Assert.Empty(Directory.GetFiles(_directory.Path, ".*"));   // no temporary file left beside it
    }

    [Theory]
    [InlineData("weights-float64-bias.npz", Precision.Float64, true)]
    [InlineData("weights-float32-bias.npz", Precision.Float32, true)]
    [InlineData("weights-float64.npz", Precision.Float64, false)]
    [InlineData("weights-float32.npz", Precision.Float32, false)]
    public void Should_Write_Byte_For_Byte_What_Np_Savez_Writes(string numpyFile, Precision precision, bool withBias)
    {
        // Given the same weights saved by np.savez in the dtype (a.astype(np.float32) for float32)
        var expected = Members(TestFiles.NumPy(numpyFile));

        // When TorchFit writes them
        string path = _directory.Combine("weights.npz");
        KerasWeights.Write(path, new KerasWeights(Kernel, withBias ? Bias : null), precision);

        // Then every member holds the very bytes NumPy wrote: header (dtype, shape, padding) and data
        var written = Members(path);
        Assert.Equal(expected.Keys.Order(), written.Keys.Order());
        foreach (var (name, bytes) in expected)
            Assert.Equal(bytes, written[name]);
        using var zip = ZipFile.OpenRead(path);
        Assert.All(zip.Entries, e => Assert.Equal(e.Length, e.CompressedLength));   // stored, as np.savez stores
    }

    [Theory]
    [InlineData("weights-float64-bias.npz", Precision.Float64, true)]
    [InlineData("weights-float32-bias.npz", Precision.Float32, true)]
    [InlineData("weights-float64.npz", Precision.Float64, false)]
    [InlineData("weights-float32.npz", Precision.Float32, false)]
    [InlineData("weights-bias-scalar.npz", Precision.Float64, true)]
    [InlineData("weights-compressed.npz", Precision.Float64, true)]
    [InlineData("weights-kernel-1d.npy", Precision.Float64, false)]
    [InlineData("weights-kernel-float32.npy", Precision.Float32, false)]
    public void Should_Read_The_Weights_NumPy_Saved(string file, Precision precision, bool withBias)
    {
        // Given weights saved by NumPy: kernel (5, 1) or (5,), bias (1,) or (), float32 or float64,
        // stored or compressed, little- or big-endian, in an .npz or as an .npy kernel
        // When they are read for a problem of 5 columns
        var read = KerasWeights.Read(TestFiles.NumPy(file), Kernel.Length);

        // Then they are the values NumPy held, widened exactly to float64
        Assert.Equal(Kernel.Select(v => InDtype(v, precision)), read.Kernel);
        Assert.Equal(withBias ? InDtype(Bias, precision) : null, read.Bias);
    }

    [Theory]
    [InlineData("bad-weights-short.npz", "kernel has shape (4, 1); this problem needs (5, 1)")]
    [InlineData("bad-weights-no-kernel.npz", "no array 'kernel' (it holds 'bias'); save the weights with np.savez(path, kernel=kernel, bias=bias)")]
    [InlineData("bad-weights-extra.npz", "holds array 'momentum', which is not a Dense layer's weight; a weights .npz holds 'kernel' and, with a bias, 'bias'")]
    [InlineData("bad-weights-positional.npz", "holds array 'arr_0', which is not a Dense layer's weight; a weights .npz holds 'kernel' and, with a bias, 'bias'; np.savez(path, *layer.get_weights()) names them arr_0, arr_1: save w = layer.get_weights() as np.savez(path, kernel=w[0], bias=w[1])")]
    [InlineData("bad-weights-bias-2.npz", "bias has shape (2,); a Dense(1) layer's bias has shape (1,)")]
    [InlineData("bad-weights-nan.npz", "kernel[3, 0] is NaN; NaN and Inf are not allowed")]
    public void Should_Refuse_A_Bad_NumPy_Weights_File_In_One_Line_Naming_It(string file, string problem)
    {
        // Given a weights file NumPy wrote that does not fit a Dense(1) layer over 5 columns
        string path = TestFiles.NumPy(file);

        // When it is read, then it is refused with one line naming the file and what is wrong
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, Kernel.Length));
        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Theory]
    [InlineData("weights-kernel-1d.npy", 6, "kernel has shape (5,); this problem needs (6,)")]
    [InlineData("weights-kernel-float32.npy", 4, "kernel has shape (5, 1); this problem needs (4, 1)")]
    [InlineData("weights-float64-bias.npz", 300, "kernel has shape (5, 1); this problem needs (300, 1)")]
    public void Should_Refuse_A_Kernel_Of_Another_Problem(string file, int columns, string problem)
    {
        // Given a kernel of 5 weights, when it is read for a problem of another width
        string path = TestFiles.NumPy(file);
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, columns));

        // Then the message names the file, the shape it has and the shape the problem needs
        Assert.Equal($"{path}: {problem}", error.Message);
    }

    [Theory]
    [InlineData(new long[] { 5, 2 }, "(5, 2); this problem needs (5, 1)")]
    [InlineData(new long[] { 5, 1, 1 }, "(5, 1, 1); this problem needs (5, 1) or (5,)")]
    [InlineData(new long[] { }, "(); this problem needs (5, 1) or (5,)")]
    public void Should_Refuse_A_Kernel_That_Is_Not_One_Column(long[] shape, string problem)
    {
        // Given an .npy kernel of another shape
        string path = _directory.Combine("kernel.npy");
        long count = shape.Aggregate(1L, (a, b) => a * b);
        File.WriteAllBytes(path, [.. NpyHeader.Format("<f8", shape), .. new byte[8 * count]]);

        // When it is read, then its shape is refused before its data is read
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, Kernel.Length));
        Assert.Equal($"{path}: kernel has shape {problem}", error.Message);
    }

    [Fact]
    public void Should_Refuse_Non_Finite_Weights_After_Writing_Them_As_They_Are()
    {
        // Given weights of a diverged run, written as Keras' get_weights returns them
        string path = _directory.Combine("diverged.npz");
        KerasWeights.Write(path, new KerasWeights([1, double.NegativeInfinity, 3, 4, 5], double.NaN), Precision.Float32);

        // When they are read as initial weights, then the first non-finite value is named
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, 5));
        Assert.Equal($"{path}: kernel[1, 0] is -Inf; NaN and Inf are not allowed", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Non_Finite_Bias()
    {
        // Given finite kernel weights and a NaN bias
        string path = _directory.Combine("nan-bias.npz");
        KerasWeights.Write(path, new KerasWeights(Kernel, double.NaN), Precision.Float64);

        // When read, then the bias is named
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, Kernel.Length));
        Assert.Equal($"{path}: bias[0] is NaN; NaN and Inf are not allowed", error.Message);
    }

    [Fact]
    public void Should_Refuse_A_Flipped_Data_Byte_By_Its_Crc()
    {
        // Given a written file whose kernel data has one bit flipped (still a finite, plausible value)
        string path = _directory.Combine("flipped.npz");
        KerasWeights.Write(path, new KerasWeights(Kernel, Bias), Precision.Float64);
        byte[] bytes = File.ReadAllBytes(path);
        int data = bytes.AsSpan().IndexOf(BitConverter.GetBytes(Kernel[2]));
        bytes[data] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        // When read, then it is refused as NumPy refuses it
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, Kernel.Length));
        Assert.StartsWith($"{path}: array 'kernel': Bad CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_An_Archive_With_Two_Kernels()
    {
        // Given an archive holding kernel.npy twice (NumPy reads the last, .NET the first)
        string path = _directory.Combine("twice.npz");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            foreach (double value in new[] { 1.0, 2.0 })
            {
                using var stream = zip.CreateEntry("kernel.npy", CompressionLevel.NoCompression).Open();
                stream.Write([.. NpyHeader.Format("<f8", [1, 1]), .. BitConverter.GetBytes(value)]);
            }

        // When read, then it is refused as ambiguous
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, 1));
        Assert.StartsWith($"{path}: holds 2 members named 'kernel.npy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_What_Is_Not_A_Weights_File()
    {
        // Given a missing file, a directory, a text file named .npz, a CSV and an unsupported dtype
        string missing = _directory.Combine("missing.npz");
        string directory = _directory.Combine("dir.npz");
        Directory.CreateDirectory(directory);
        string text = _directory.Combine("text.npz");
        File.WriteAllText(text, "kernel = [1, 2, 3]\n");
        string csv = _directory.Combine("weights.csv");
        File.WriteAllText(csv, "1\n2\n");
        string complex = _directory.Combine("complex.npy");
        File.WriteAllBytes(complex, [.. NpyHeader.Format("<c16", [1]), .. new byte[16]]);

        // When each is read, then each is refused in one line naming it
        Assert.Equal($"{missing}: no such file", Refusal(missing));
        Assert.Equal($"{directory}: is a directory, not a file", Refusal(directory));
        Assert.StartsWith($"{text}: not a readable .npz archive", Refusal(text), StringComparison.Ordinal);
        Assert.Equal($"{csv}: unknown weights format '.csv' (expected an .npz holding kernel and bias, or an .npy kernel)", Refusal(csv));
        Assert.StartsWith($"{complex}: complex numbers (dtype '<c16') are not supported", Refusal(complex), StringComparison.Ordinal);

        string Refusal(string path) => Assert.Throws<InvalidInputException>(() => KerasWeights.Read(path, 1)).Message;
    }

    [Fact]
    public void Should_Write_Only_An_Npz()
    {
        // Given a name that is not .npz, when weights are written to it
        string path = _directory.Combine("weights.npy");
        var error = Assert.Throws<InvalidInputException>(() => KerasWeights.Write(path, new KerasWeights(Kernel, null), Precision.Float32));

        // Then it is refused, and nothing is written
        Assert.Equal($"{path}: weights are written as .npz (np.savez), so the name must end in .npz, not '.npy'", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_directory.Path));
    }

    [RootFact]
    public void Should_Leave_The_Previous_File_Whole_When_The_Disk_Fills()
    {
        // Given complete weights on a 16 KiB file system
        using var mount = new SmallMount("size=16k");
        string path = Path.Combine(mount.Path, "weights.npz");
        KerasWeights.Write(path, new KerasWeights(Kernel, Bias), Precision.Float64);
        byte[] before = File.ReadAllBytes(path);

        // When weights of 512 KiB are written over them
        var error = Assert.Throws<InvalidInputException>(() =>
            KerasWeights.Write(path, new KerasWeights(new double[1 << 16], Bias), Precision.Float64));

        // Then the write is refused in one line, the old file is still whole, and no temporary file is left
        Assert.Contains($"no space left on {mount.Path}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(mount.Path));
    }

    private static double InDtype(double value, Precision precision) => precision == Precision.Float32 ? (float)value : value;

    /// <summary>The members of an .npz, in archive order, with their uncompressed bytes.</summary>
    private static Dictionary<string, byte[]> Members(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var members = new Dictionary<string, byte[]>();
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            members.Add(entry.FullName, bytes.ToArray());
        }
        return members;
    }
}
