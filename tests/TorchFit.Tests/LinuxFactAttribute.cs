namespace TorchFit.Tests;

/// <summary>A fact that runs only on Linux (FIFOs, /dev/zero), and says why it was skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: FIFOs and /dev/zero";
    }
}
