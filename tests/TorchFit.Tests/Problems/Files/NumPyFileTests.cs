using TorchFit.Problems;
using TorchFit.Problems.Files;

namespace TorchFit.Tests.Problems.Files;

/// <summary>Files written by NumPy itself (data/, made by the scripts in tools/) load to the exact values NumPy holds.</summary>
public class NumPyFileTests
{
    private static readonly LinearProblem Seed1 = ProblemGenerator.Uniform(4, 5, 1);

    [Theory]
    [InlineData(2, 3)]
    [InlineData(200, 300)]
    public void Should_Load_The_Shipped_Question_Problems_Bit_For_Bit(int rows, int columns)
    {
        // Given data/question-NxD-seed0.npz, written by np.savez after np.random.seed(0)
        var loaded = ProblemFile.Load(TestFiles.Data($"question-{rows}x{columns}-seed0.npz"));

        // Then it is exactly what --numpy-seed 0 generates
        var generated = ProblemGenerator.Uniform(rows, columns, 0);
        Assert.Equal(generated.Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Equal(generated.Target.ToArray(), loaded.Problem.Target.ToArray());
        Assert.Equal("<f8", loaded.Matrix.Dtype);
        Assert.Equal([rows, 1L], loaded.Target.Shape);
    }

    [Fact]
    public void Should_Load_The_Shipped_Csv_Bit_For_Bit()
    {
        var loaded = ProblemFile.Load(TestFiles.Data("question-2x3-seed0.csv"));
        var generated = ProblemGenerator.Uniform(2, 3, 0);
        Assert.Equal(generated.Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Equal(generated.Target.ToArray(), loaded.Problem.Target.ToArray());
    }

    [Theory]
    [InlineData("seed1-fortran-b1d.npz", "<f8", true)]
    [InlineData("seed1-compressed.npz", "<f8", false)]
    [InlineData("seed1-bigendian.npz", ">f8", false)]
    public void Should_Read_Float64_In_Any_Order_And_Compression(string file, string dtype, bool fortran)
    {
        var loaded = ProblemFile.Load(TestFiles.NumPy(file));

        Assert.Equal(Seed1.Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Equal(dtype, loaded.Matrix.Dtype);
        Assert.Equal(fortran, loaded.Matrix.FortranOrder);
    }

    [Fact]
    public void Should_Widen_Float32_Exactly()
    {
        // A.astype(np.float32) then read as float64: each value is the float32 rounding of NumPy's double
        var loaded = ProblemFile.Load(TestFiles.NumPy("seed1-float32.npz"));
        Assert.Equal(Seed1.Matrix.ToArray().Select(v => (double)(float)v), loaded.Problem.Matrix.ToArray());
        Assert.Equal(Seed1.Target.ToArray().Select(v => (double)(float)v), loaded.Problem.Target.ToArray());
        Assert.Equal("<f4", loaded.Matrix.Dtype);
    }

    [Fact]
    public void Should_Read_A_Big_Endian_Float32_Target()
    {
        var loaded = ProblemFile.Load(TestFiles.NumPy("seed1-bigendian.npz"));
        Assert.Equal(Seed1.Target.ToArray().Select(v => (double)(float)v), loaded.Problem.Target.ToArray());
    }

    [Theory]
    [InlineData("ints-int64.npz")]
    [InlineData("ints-int8-uint16.npz")]
    public void Should_Cast_Integer_Arrays_To_Float64(string file)
    {
        // A = np.arange(20).reshape(4, 5) - 7, b = [1, 2, 3, 4]
        var loaded = ProblemFile.Load(TestFiles.NumPy(file));
        Assert.Equal(Enumerable.Range(-7, 20).Select(v => (double)v), loaded.Problem.Matrix.ToArray());
        Assert.Equal([1.0, 2, 3, 4], loaded.Problem.Target.ToArray());
    }

    [Fact]
    public void Should_Read_Booleans_As_Zero_And_One()
    {
        var loaded = ProblemFile.Load(TestFiles.NumPy("ints-bool.npz"));
        Assert.Equal(Enumerable.Range(-7, 20).Select(v => v % 2 == 0 ? 1.0 : 0.0), loaded.Problem.Matrix.ToArray());
    }

    [Fact]
    public void Should_Read_An_Npy_Pair_With_A_Flat_Target()
    {
        var loaded = ProblemFile.LoadPair(TestFiles.NumPy("seed1-A.npy"), TestFiles.NumPy("seed1-b.npy"));
        Assert.Equal(Seed1.Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Equal(Seed1.Target.ToArray(), loaded.Problem.Target.ToArray());
        Assert.Equal([4L], loaded.Target.Shape);
        Assert.Equal("npy", loaded.Format);
    }

    [Fact]
    public void Should_Transpose_A_Fortran_Order_Float32_Npy()
    {
        var loaded = ProblemFile.LoadPair(TestFiles.NumPy("seed1-A-float32-fortran.npy"), TestFiles.NumPy("seed1-b.npy"));
        Assert.Equal(Seed1.Matrix.ToArray().Select(v => (double)(float)v), loaded.Problem.Matrix.ToArray());
        Assert.True(loaded.Matrix.FortranOrder);
    }

    [Fact]
    public void Should_Read_NumPy_Savetxt_Defaults()
    {
        // np.savetxt(path, np.hstack([A, b])): space-separated, %.18e, no header
        var loaded = ProblemFile.Load(TestFiles.NumPy("seed1-savetxt-default.csv"));
        Assert.Equal(Seed1.Matrix.ToArray(), loaded.Problem.Matrix.ToArray());
        Assert.Equal(Seed1.Target.ToArray(), loaded.Problem.Target.ToArray());
    }

    [Theory]
    [InlineData("bad-complex.npz", "array 'A': complex numbers (dtype '<c16') are not supported")]
    [InlineData("bad-object.npz", "array 'A': Python objects (dtype '|O') are not supported")]
    [InlineData("bad-unicode.npz", "array 'A': strings (dtype '<U1') are not supported")]
    [InlineData("bad-structured.npz", "array 'A': structured (record) arrays are not supported")]
    [InlineData("bad-missing-b.npz", "no array 'b' (it holds 'A', 'c')")]
    [InlineData("bad-lowercase-a.npz", "no array 'A' (it holds 'a', 'b')")]
    [InlineData("bad-rows-mismatch.npz", "A has 4 rows but b has 3")]
    [InlineData("bad-b-two-columns.npz", "array 'b': b must have shape (n,) or (n, 1), got (4, 2)")]
    [InlineData("bad-empty.npz", "array 'A': A is empty (shape (0, 5))")]
    [InlineData("bad-A-1d.npz", "array 'A': A must be 2-D (n rows, d columns), got shape (5,)")]
    [InlineData("bad-nan.npz", "array 'A': A[2, 3] is NaN")]
    [InlineData("bad-inf-b.npz", "array 'b': b[1] is Inf")]
    public void Should_Refuse_Bad_NumPy_Files_Naming_File_And_Array(string file, string message)
    {
        string path = TestFiles.NumPy(file);
        var error = Assert.Throws<InvalidInputException>(() => ProblemFile.Load(path));
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
