using System.Globalization;

namespace TorchFit.Problems;

/// <summary>
/// The magnitudes of a problem's values, and the one check every verb makes before its work:
/// that A and b can be held, squared and summed in the dtype the verb computes in. Without it an
/// all-zero, subnormal or huge A gives NaN and Infinity (a learning-rate limit of Infinity, an MSE
/// of Infinity), and a value beyond float32's range becomes Infinity in the cast, which training
/// then reports as a divergence.
/// </summary>
/// <param name="LargestMatrixEntry">max |A[i, j]|, with its row and column.</param>
/// <param name="LargestTargetEntry">max |b[i]|, with its row.</param>
/// <param name="Log2MatrixSquares">log₂ of ‖A‖²_F = Σ A[i, j]² (finite even where the sum is not).</param>
/// <param name="Log2TargetSquares">log₂ of ‖b‖² (−∞ for b = 0).</param>
internal sealed record ProblemScale(
    (double Value, int Row, int Column) LargestMatrixEntry,
    (double Value, int Row) LargestTargetEntry,
    double Log2MatrixSquares,
    double Log2TargetSquares)
{
    /// <summary>Measures <paramref name="problem"/> in one pass over A and b.</summary>
    public static ProblemScale Of(LinearProblem problem)
    {
        var a = problem.Matrix;
        int largest = 0;
        for (int k = 1; k < a.Length; k++)
            if (Math.Abs(a[k]) > Math.Abs(a[largest])) largest = k;
        var b = problem.Target;
        int largestB = 0;
        for (int i = 1; i < b.Length; i++)
            if (Math.Abs(b[i]) > Math.Abs(b[largestB])) largestB = i;
        return new ProblemScale((Math.Abs(a[largest]), largest / problem.Columns, largest % problem.Columns), (Math.Abs(b[largestB]), largestB),
            Log2SumOfSquares(a, Math.Abs(a[largest])), Log2SumOfSquares(b, Math.Abs(b[largestB])));
    }

    /// <summary>
    /// Throws <see cref="InvalidInputException"/>, naming the problem and what is wrong with its
    /// values, when the problem <paramref name="name"/> of <paramref name="rows"/> rows cannot be worked on in <paramref name="precision"/>:
    /// A is all zeros; a value lies beyond the dtype's range; A is so small that its curvature
    /// λ_max ≤ 2‖A‖²/n underflows (is not a normal number); or its squares overflow (2‖A‖²/n or ‖b‖²/n).
    /// </summary>
    public void EnsureUsable(string name, int rows, Precision precision)
    {
        string dtype = precision.ToName();
        double max = precision == Precision.Float64 ? double.MaxValue : float.MaxValue;
        int log2MinNormal = precision == Precision.Float64 ? -1022 : -126;   // the smallest normal number is 2^this
        var (matrixMax, row, column) = LargestMatrixEntry;
        if (matrixMax == 0)
            throw new InvalidInputException($"problem '{name}': A is all zeros, so every weight fits b equally badly: there is nothing to fit");
        if (matrixMax > max)
            throw Fail(name, $"A[{row}, {column}] = {Format(matrixMax)} is beyond {dtype}'s range (±{Format(max)}){Advice(precision)}");
        if (LargestTargetEntry.Value > max)
            throw Fail(name, $"b[{LargestTargetEntry.Row}] = {Format(LargestTargetEntry.Value)} is beyond {dtype}'s range (±{Format(max)}){Advice(precision)}");
        double log2Curvature = 1 + Log2MatrixSquares - Math.Log2(rows);   // log₂(2‖A‖²/n), an upper bound of λ_max
        if (log2Curvature < log2MinNormal)
            throw Fail(name, $"A is numerically zero in {dtype}: its largest entry is {Format(matrixMax)}, so the curvature 2σ²/n ≤ {Power(log2Curvature)} underflows; rescale A (and b) by the same factor");
        if (log2Curvature >= Math.Log2(max))
            throw Fail(name, $"A's squares overflow {dtype}: its largest entry is {Format(matrixMax)}, and 2‖A‖²/n ≈ {Power(log2Curvature)} is beyond ±{Format(max)}; rescale A (and b) by the same factor");
        double log2TargetMean = Log2TargetSquares - Math.Log2(rows);
        if (log2TargetMean >= Math.Log2(max))
            throw Fail(name, $"b's squares overflow {dtype}: its largest entry is {Format(LargestTargetEntry.Value)}, and ‖b‖²/n ≈ {Power(log2TargetMean)} is beyond ±{Format(max)}; rescale b (and A) by the same factor");
    }

    private static string Advice(Precision precision) =>
        precision == Precision.Float32 ? "; train in float64, or rescale A and b by the same factor" : "";

    /// <summary>log₂ Σ v², computed as 2·log₂(largest) + log₂ Σ (v/largest)² so that it neither overflows nor underflows.</summary>
    private static double Log2SumOfSquares(ReadOnlySpan<double> values, double largest)
    {
        if (largest == 0) return double.NegativeInfinity;
        // Scale by a power of two near 1/largest: exact, and keeps subnormal values' bits.
        int exponent = Math.ILogB(largest);
        double sum = 0;
        foreach (double v in values)
        {
            double scaled = Math.ScaleB(v, -exponent);
            sum += scaled * scaled;
        }
        return 2.0 * exponent + Math.Log2(sum);
    }

    private static string Format(double value) => value.ToString("0.##e+0", CultureInfo.InvariantCulture);

    /// <summary>2^log2 as "1.2e+600", past what a double can hold.</summary>
    private static string Power(double log2)
    {
        double log10 = log2 * Math.Log10(2);
        double exponent = Math.Floor(log10);
        return string.Create(CultureInfo.InvariantCulture, $"{Math.Pow(10, log10 - exponent):0.#}e{(exponent >= 0 ? "+" : "")}{exponent:0}");
    }

    private static InvalidInputException Fail(string name, string what) => new($"problem '{name}': {what}");
}
