using System.Globalization;

namespace TorchFit;

/// <summary>Invariant-culture text for the explanations the library writes.</summary>
internal static class Text
{
    /// <summary>1.23e-10 style.</summary>
    public static string E(double value) => value.ToString("0.00e+00", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double (0.013, 1E-05).</summary>
    public static string R(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An interpolated string formatted with the invariant culture.</summary>
    public static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
