namespace TorchFit.Sweeps;

/// <summary>The versions recorded in a manifest.</summary>
internal static class Versions
{
    public static string TorchFit => typeof(Versions).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    public static string TorchSharp => typeof(global::TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
