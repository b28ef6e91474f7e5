namespace TorchFit.Cli;

/// <summary>Versions recorded in every summary.</summary>
internal static class VersionInfo
{
    public static string TorchFit => typeof(TorchFit.Training.KerasTrainer).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    public static string TorchSharp => typeof(global::TorchSharp.torch).Assembly.GetName().Version?.ToString(3) ?? "unknown";
}
