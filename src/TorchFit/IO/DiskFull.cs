namespace TorchFit.IO;

/// <summary>Recognises "no space left on device" and names the device.</summary>
public static class DiskFull
{
    private const int Enospc = 28;           // Linux, macOS: errno ENOSPC
    private const int Edquot = 122;          // Linux: disk quota exceeded
    private const int WindowsDiskFull = unchecked((int)0x80070070);
    private const int WindowsHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>True when <paramref name="e"/> says the device is full (or the quota used up).</summary>
    public static bool Is(IOException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.HResult is Enospc or Edquot or WindowsDiskFull or WindowsHandleDiskFull;
    }

    /// <summary>The one-line error for a full device while writing <paramref name="path"/>.</summary>
    public static InvalidInputException Error(string path, IOException cause) =>
        new($"{path}: no space left on {MountOf(path)}; the files written before it are whole", cause);

    /// <summary>The mount point (Unix) or drive (Windows) holding <paramref name="path"/>.</summary>
    public static string MountOf(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            return DriveInfo.GetDrives().Select(d => d.Name)
                .Where(root => full.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || full == root)
                .MaxBy(root => root.Length) ?? Path.GetPathRoot(full) ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Path.GetPathRoot(full) ?? full;
        }
    }
}
