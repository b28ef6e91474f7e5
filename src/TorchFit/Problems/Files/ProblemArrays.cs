namespace TorchFit.Problems.Files;

/// <summary>Checks shared by every reader.</summary>
internal static class ProblemArrays
{
    /// <summary>
    /// Refuses NaN and ±Inf, naming the first one as NumPy indexes it: <c>A[2, 3]</c> for a 2-D
    /// array of <paramref name="columns"/> columns, <c>b[1]</c> when <paramref name="columns"/> is null.
    /// </summary>
    public static void EnsureFinite(string where, string array, ReadOnlySpan<double> values, int? columns)
    {
        for (int k = 0; k < values.Length; k++)
        {
            if (double.IsFinite(values[k])) continue;
            string index = columns is int c ? $"{array}[{k / c}, {k % c}]" : $"{array}[{k}]";
            string value = double.IsNaN(values[k]) ? "NaN" : values[k] > 0 ? "Inf" : "-Inf";
            throw new InvalidInputException($"{where}: {index} is {value}; NaN and Inf are not allowed");
        }
    }
}
