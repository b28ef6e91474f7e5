namespace TorchFit;

/// <summary>The versions recorded in every result file and shown by <c>torchfit --version</c>.</summary>
public static class BuildInfo
{
    /// <summary>TorchFit's version (major.minor.patch).</summary>
    public static string TorchFitVersion => typeof(BuildInfo).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>The loaded TorchSharp assembly's version (major.minor.patch).</summary>
    public static string TorchSharpVersion => typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
