namespace TorchFit.IO;

/// <summary>
/// An OS lock on <c>.torchfit.lock</c> in a directory, held until disposed: one TorchFit run writes
/// into a directory at a time. On Unix it is an advisory <c>flock</c>, taken by opening the file
/// with <see cref="FileShare.None"/>; the OS releases it when the process ends, however it ends.
/// The holder's PID is written to <c>.torchfit.pid</c> for the run that is refused.
/// </summary>
public sealed class DirectoryLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = ".torchfit.lock";

    /// <summary>The file naming the holder's process.</summary>
    public const string HolderFileName = ".torchfit.pid";

    private readonly FileStream _stream;

    private DirectoryLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock on <paramref name="directory"/> (which must exist) without waiting.</summary>
    /// <exception cref="InvalidInputException">Another run holds it, or the directory is not writable.</exception>
    public static DirectoryLock Take(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string path = Path.Combine(directory, FileName);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException($"{directory}: not writable ({e.Message})", e);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw DiskFull.Error(path, e);
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new InvalidInputException($"{directory}: in use by another TorchFit run ({Holder(directory)}); wait for it to finish or choose another directory", e);
        }
        catch (IOException e)
        {
            throw new InvalidInputException($"{directory}: not writable ({e.Message})", e);
        }
        try
        {
            AtomicFile.WriteText(Path.Combine(directory, HolderFileName), $"{Environment.ProcessId}\n");
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return new DirectoryLock(stream);
    }

    /// <summary>Releases the lock (the files stay: removing them would race with a run taking it).</summary>
    public void Dispose() => _stream.Dispose();

    private static string Holder(string directory)
    {
        try
        {
            string pid = File.ReadAllText(Path.Combine(directory, HolderFileName)).Trim();
            return int.TryParse(pid, out int id) ? $"PID {id}" : "PID unknown";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "PID unknown";
        }
    }
}
