using System.Runtime.InteropServices;

namespace TorchFit.IO;

/// <summary>
/// What TorchFit requires of a file it reads: that it exists and is a regular file once links are
/// followed. A FIFO would block the read forever and a device such as /dev/zero never ends, so
/// both are refused before the file is opened.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// Throws <see cref="InvalidInputException"/> ("PATH: no such file", "PATH: is a FIFO (named
    /// pipe), not a regular file", ...) unless <paramref name="path"/> names a regular file.
    /// </summary>
    public static void EnsureRegular(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (string.IsNullOrWhiteSpace(path)) throw new InvalidInputException("a file name is empty");
        if (Directory.Exists(path)) throw new InvalidInputException($"{path}: is a directory, not a file");
        if (!File.Exists(path)) throw new InvalidInputException($"{path}: no such file");
        if (Kind(path) is { } kind)
        {
            string? target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName;
            throw new InvalidInputException(target is null
                ? $"{path}: is {kind}, not a regular file; TorchFit reads regular files only"
                : $"{path}: links to {target}, {kind}, not a regular file; TorchFit reads regular files only");
        }
    }

    /// <summary>
    /// Reads a regular text file of at most <paramref name="maxBytes"/> bytes, refusing a larger
    /// one with its size. Errors are prefixed with <paramref name="where"/> (the file, or how the
    /// caller names it).
    /// </summary>
    public static string ReadAllText(string path, long maxBytes, string where)
    {
        EnsureRegular(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        // Read one byte past the cap rather than trust the length: a file may grow while it is read.
        using var limited = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, maxBytes + 1 - limited.Length))) > 0)
        {
            limited.Write(buffer, 0, read);
            if (limited.Length > maxBytes)
                throw new InvalidInputException($"{where}: larger than {maxBytes:N0} bytes, too large for this kind of file");
        }
        limited.Position = 0;
        using var reader = new StreamReader(limited, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>"a FIFO (named pipe)", "a character device", ... for what is not a regular file, else null.</summary>
    private static string? Kind(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;   // elsewhere File.Exists has already ruled out directories
        var status = new byte[256];
        int result;
        try
        {
            // The path as the C string the kernel takes: UTF-8, NUL-terminated. Flags 0: follow links.
            result = Statx(AtCurrentDirectory, System.Text.Encoding.UTF8.GetBytes(path + "\0"), 0, StatxType, status);
        }
        catch (EntryPointNotFoundException)
        {
            return null;   // a C library older than glibc 2.28: no check, as on other systems
        }
        if (result != 0) return null;   // vanished or unreadable: opening it reports that
        int mode = BitConverter.ToUInt16(status, StatxModeOffset) & FileTypeMask;
        return mode switch
        {
            RegularFile => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x4000 => "a directory",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a file",
        };
    }

    private const int AtCurrentDirectory = -100;   // AT_FDCWD
    private const uint StatxType = 0x1;            // STATX_TYPE
    private const int StatxModeOffset = 28;        // struct statx: stx_mode follows mask, blksize, attributes, nlink, uid, gid
    private const int FileTypeMask = 0xF000;       // S_IFMT
    private const int RegularFile = 0x8000;        // S_IFREG

    [DllImport("libc", EntryPoint = "statx")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, [Out] byte[] status);
}
