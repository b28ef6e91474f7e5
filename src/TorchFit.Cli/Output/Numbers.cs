using System.Globalization;

namespace TorchFit.Cli.Output;

/// <summary>How numbers are printed: invariant culture, MSEs in compact scientific notation.</summary>
internal static class Numbers
{
    /// <summary>1.93e-10 style; "NaN"/"Inf" as such.</summary>
    public static string Mse(double value) =>
        double.IsFinite(value) ? value.ToString("0.00e+00", CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Seconds with two decimals.</summary>
    public static string Seconds(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Round-trippable invariant text for CSV.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Invariant text of an integer with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
