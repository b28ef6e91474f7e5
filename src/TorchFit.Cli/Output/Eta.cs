using System.Globalization;

namespace TorchFit.Cli.Output;

/// <summary>
/// The ETA of progress displays. An estimate from the first epoch is mostly start-up time (it once
/// said 168 s for a run that took 0.05 s), so none is given until 1 % of the work or one second has
/// passed.
/// </summary>
internal static class Eta
{
    /// <summary>Seconds left at the rate so far, or null while there is no honest estimate.</summary>
    public static double? SecondsLeft(double seconds, double done, double total)
    {
        if (done <= 0 || done >= total || (done < total / 100 && seconds < 1)) return null;
        double eta = seconds / done * (total - done);
        return double.IsFinite(eta) && eta > 0 ? eta : null;
    }

    /// <summary>The "  ETA 9.00 s" suffix of a plain progress line, or "".</summary>
    public static string Suffix(double seconds, double done, double total) => Suffix(SecondsLeft(seconds, done, total));

    /// <summary>The "  ETA 9.00 s" suffix for an estimate, or "" for none.</summary>
    public static string Suffix(double? secondsLeft) => secondsLeft is { } left ? $"  ETA {Numbers.Seconds(left)} s" : "";

    /// <summary>"ETA 42 s", "ETA 3m05s", "ETA 1h02m" for a live line; "ETA –" while there is no estimate.</summary>
    public static string Short(double? secondsLeft) => "ETA " + (secondsLeft is { } left ? Duration(left) : "–");

    /// <summary>A compact duration: "4.2 s" under 10 s, "42 s", "3m05s", "1h02m".</summary>
    public static string Duration(double seconds)
    {
        if (seconds < 10) return seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        long s = (long)Math.Round(seconds);
        return s < 60 ? $"{s} s" : s < 3600 ? $"{s / 60}m{s % 60:00}s" : $"{s / 3600}h{s / 60 % 60:00}m";
    }
}
