using System.Globalization;
using TorchFit.IO;

namespace TorchFit.Problems.Files;

/// <summary>
/// The weights of a Keras <c>Dense(1)</c> layer, as <c>layer.get_weights()</c> returns them and
/// <c>layer.set_weights</c> takes them, stored as a NumPy user stores them:
/// <c>np.savez(path, kernel=kernel, bias=bias)</c>, or the kernel alone with <c>np.save</c>.
/// </summary>
/// <param name="Kernel">One weight per column of A, in column order: Keras' <c>kernel[:, 0]</c> (its kernel has shape (d, 1)).</param>
/// <param name="Bias">The bias, or null for a layer without one (Keras <c>use_bias=False</c>).</param>
public sealed record KerasWeights(double[] Kernel, double? Bias)
{
    private const string KernelName = "kernel";
    private const string BiasName = "bias";

    /// <summary>
    /// Writes <paramref name="weights"/> to <paramref name="path"/> (an .npz) as
    /// <c>np.savez(path, kernel=kernel, bias=bias)</c> writes them: stored members
    /// <c>kernel.npy</c> of shape (d, 1) and, when <see cref="Bias"/> is not null, <c>bias.npy</c>
    /// of shape (1,), both in <paramref name="precision"/>'s dtype (<c>&lt;f4</c> values are rounded
    /// to float32 as <c>astype(np.float32)</c> rounds them). NaN and Inf are written as they are, as
    /// Keras' <c>get_weights</c> returns them after a diverged run. The file appears under its name
    /// only once complete; on failure an existing file is left as it was.
    /// </summary>
    /// <exception cref="InvalidInputException"><paramref name="path"/> does not end in .npz, or its device is full.</exception>
    public static void Write(string path, KerasWeights weights, Precision precision)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(weights.Kernel, nameof(weights));
        if (weights.Kernel.Length == 0) throw new ArgumentException("The kernel holds no weights.", nameof(weights));
        if (!Enum.IsDefined(precision)) throw new ArgumentOutOfRangeException(nameof(precision), precision, "Not a precision.");
        string extension = Path.GetExtension(path);
        if (!extension.Equals(".npz", StringComparison.OrdinalIgnoreCase))
            throw new InvalidInputException($"{path}: weights are written as .npz (np.savez), so the name must end in .npz, not '{extension}'");

        List<NpzWriter.Array> arrays = [new(KernelName, weights.Kernel, [weights.Kernel.Length, 1], precision)];
        if (weights.Bias is double bias) arrays.Add(new(BiasName, [bias], [1], precision));
        AtomicFile.Write(path, temporary => NpzWriter.Write(temporary, arrays));
    }

    /// <summary>
    /// Reads the weights of a layer over <paramref name="columns"/> features from an .npz holding
    /// <c>kernel</c> of shape (d, 1) or (d,) and, optionally, <c>bias</c> of shape (1,) or (), or
    /// from an .npy kernel of shape (d,) or (d, 1) (then <see cref="Bias"/> is null). Any dtype
    /// TorchFit reads (floats, integers, bool; either byte order; C or Fortran order;
    /// <c>np.savez_compressed</c>) is widened to float64. Shapes are checked before any value is read.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// One line naming the file: not a regular file, not .npz or .npy, no <c>kernel</c>, a member other
    /// than <c>kernel</c> and <c>bias</c>, a wrong shape ("W.npz: kernel has shape (299, 1); this problem
    /// needs (300, 1)"), a NaN or Inf, an unreadable dtype, a corrupt or truncated file.
    /// </exception>
    public static KerasWeights Read(string path, int columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        InputFile.EnsureRegular(path);
        string extension = Path.GetExtension(path).ToLowerInvariant();
        return FileReadErrors.Guard(path, () => extension switch
        {
            ".npz" => ReadArchive(path, columns),
            ".npy" => new KerasWeights(ReadKernel(NpyArraySource.File(path), path, columns), null),
            _ => throw new InvalidInputException($"{path}: unknown weights format '{extension}' (expected an .npz holding kernel and bias, or an .npy kernel)"),
        });
    }

    private static KerasWeights ReadArchive(string path, int columns)
    {
        using var archive = NpzArchive.Open(path);
        EnsureOnlyWeights(archive);
        var kernel = archive.Array(KernelName)
            ?? throw new InvalidInputException($"{path}: no array '{KernelName}' ({archive.DescribeArrays()}); save the weights with np.savez(path, kernel=kernel, bias=bias)");
        var bias = archive.Array(BiasName);
        var biasHeader = bias?.ReadHeader();
        if (biasHeader is not null && biasHeader.Shape is not ([] or [1]))
            throw new InvalidInputException($"{path}: {BiasName} has shape {biasHeader.ShapeText}; a Dense(1) layer's bias has shape (1,)");
        double[] kernelValues = ReadKernel(kernel, path, columns);
        if (bias is null || biasHeader is null) return new KerasWeights(kernelValues, null);
        double[] biasValues = bias.ReadValues(biasHeader);
        ProblemArrays.EnsureFinite(path, BiasName, biasValues, columns: null);
        return new KerasWeights(kernelValues, biasValues[0]);
    }

    /// <summary>Reads a kernel of shape (d, 1) or (d,) with d = <paramref name="columns"/>; errors about its shape and values name <paramref name="path"/>.</summary>
    private static double[] ReadKernel(NpyArraySource kernel, string path, int columns)
    {
        var header = kernel.ReadHeader();
        bool fits = header.Shape.Length is 1 or 2 && header.Shape[0] == columns && (header.Shape.Length == 1 || header.Shape[1] == 1);
        if (!fits)
        {
            string d = columns.ToString(CultureInfo.InvariantCulture);
            string needs = header.Shape.Length switch
            {
                1 => $"({d},)",
                2 => $"({d}, 1)",
                _ => $"({d}, 1) or ({d},)",
            };
            throw new InvalidInputException($"{path}: {KernelName} has shape {header.ShapeText}; this problem needs {needs}");
        }
        double[] values = kernel.ReadValues(header);
        ProblemArrays.EnsureFinite(path, KernelName, values, header.Shape.Length == 2 ? 1 : null);
        return values;
    }

    /// <summary>Refuses a member other than kernel.npy and bias.npy: it would be ignored, and it may be the weight the user meant.</summary>
    private static void EnsureOnlyWeights(NpzArchive archive)
    {
        string? extra = archive.MemberNames.FirstOrDefault(n => n is not (KernelName + ".npy" or BiasName + ".npy"));
        if (extra is null) return;
        string name = extra.EndsWith(".npy", StringComparison.Ordinal) ? $"array '{extra[..^4]}'" : $"member '{extra}'";
        string hint = extra.StartsWith("arr_", StringComparison.Ordinal)
            ? "; np.savez(path, *layer.get_weights()) names them arr_0, arr_1: save w = layer.get_weights() as np.savez(path, kernel=w[0], bias=w[1])"
            : "";
        throw new InvalidInputException($"{archive.Path}: holds {name}, which is not a Dense layer's weight; a weights .npz holds '{KernelName}' and, with a bias, '{BiasName}'{hint}");
    }
}
