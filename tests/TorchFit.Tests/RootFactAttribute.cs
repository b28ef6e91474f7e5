namespace TorchFit.Tests;

/// <summary>A fact that needs root (it mounts a small tmpfs), and says why it was skipped elsewhere.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Skip = "needs root on Linux to mount a small tmpfs (a real full or read-only file system)";
    }
}
