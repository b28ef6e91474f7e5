using System.Diagnostics;

namespace TorchFit.Tests;

/// <summary>A tmpfs of a few KiB (or read-only) mounted on a fresh directory, unmounted on dispose. Needs root.</summary>
internal sealed class SmallMount : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-mount-");

    public SmallMount(string options)
    {
        Path = _temp.Combine("mnt");
        Directory.CreateDirectory(Path);
        Run("mount", $"-t tmpfs -o {options} tmpfs {Path}");
    }

    public string Path { get; }

    public void Dispose()
    {
        Run("umount", Path);
        _temp.Dispose();
    }

    private static void Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments}: {process.StandardError.ReadToEnd()}");
    }
}
