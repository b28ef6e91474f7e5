namespace TorchFit.Tests;

/// <summary>A theory that runs only on Linux (FIFOs, /dev/zero), and says why it was skipped elsewhere.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "needs Linux: FIFOs and /dev/zero";
    }
}
