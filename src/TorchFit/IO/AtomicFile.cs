using System.Text.RegularExpressions;

namespace TorchFit.IO;

/// <summary>
/// Writes a file so that its final name only ever holds a complete file: the content goes to a
/// temporary name in the same directory (<c>.NAME.GUID.tmp.EXT</c>) and is moved into place when finished.
/// </summary>
public static partial class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="writeTemporary"/> with a temporary path beside <paramref name="path"/>,
    /// then moves the result over <paramref name="path"/>. On failure the temporary file is removed
    /// and any existing file at <paramref name="path"/> is left as it was.
    /// </summary>
    /// <exception cref="InvalidInputException">The device holding <paramref name="path"/> is full.</exception>
    public static void Write(string path, Action<string> writeTemporary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writeTemporary);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        // Keep the extension last: some writers choose the format from it.
        string temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            Directory.CreateDirectory(directory);
            writeTemporary(temporary);
            if (!File.Exists(temporary))
                throw new IOException($"nothing was written for {path}");
            File.Move(temporary, full, overwrite: true);
        }
        catch (IOException e) when (DiskFull.Is(e))
        {
            throw DiskFull.Error(path, e);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, temporary => File.WriteAllText(temporary, text));

    /// <summary>True for a name <see cref="Write"/> uses while it writes (left behind only by a killed process).</summary>
    public static bool IsTemporary(string fileName) => TemporaryName().IsMatch(fileName);

    /// <summary>
    /// Deletes the temporary files a killed writer left in <paramref name="directory"/> and its
    /// subdirectories. Call it only while no other writer uses the directory (hold its lock).
    /// </summary>
    /// <returns>How many were removed.</returns>
    public static int RemoveOrphans(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory)) return 0;
        int removed = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        foreach (string file in Directory.EnumerateFiles(directory, ".*", options))
        {
            if (!IsTemporary(Path.GetFileName(file))) continue;
            File.Delete(file);
            removed++;
        }
        return removed;
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{32}\.tmp(\.[^.]+)?$")]
    private static partial Regex TemporaryName();
}
