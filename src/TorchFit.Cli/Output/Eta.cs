namespace TorchFit.Cli.Output;

/// <summary>
/// The "ETA" suffix of a plain progress line. An estimate from the first epoch is mostly start-up
/// time (it once said 168 s for a run that took 0.05 s), so none is shown until 1 % of the work or
/// one second has passed.
/// </summary>
internal static class Eta
{
    public static string Suffix(double seconds, double done, double total)
    {
        if (done <= 0 || done >= total || (done < total / 100 && seconds < 1)) return "";
        double eta = seconds / done * (total - done);
        return double.IsFinite(eta) && eta > 0 ? $"  ETA {Numbers.Seconds(eta)} s" : "";
    }
}
