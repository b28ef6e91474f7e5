namespace TorchFit.Tests;

/// <summary>A fact that runs only where POSIX signals exist (Linux, macOS), and says why it was skipped elsewhere.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
            Skip = "sends SIGTERM/SIGINT to a child process with kill(1), which Windows does not have";
    }
}
