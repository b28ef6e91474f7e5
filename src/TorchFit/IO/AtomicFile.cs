namespace TorchFit.IO;

/// <summary>
/// Writes a file so that its final name only ever holds a complete file: the content goes to a
/// temporary name in the same directory and is moved into place when finished.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="writeTemporary"/> with a temporary path beside <paramref name="path"/>,
    /// then moves the result over <paramref name="path"/>. On failure the temporary file is removed
    /// and any existing file at <paramref name="path"/> is left as it was.
    /// </summary>
    public static void Write(string path, Action<string> writeTemporary)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(writeTemporary);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        // Keep the extension last: some writers choose the format from it.
        string temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.tmp{Path.GetExtension(full)}");
        try
        {
            writeTemporary(temporary);
            if (!File.Exists(temporary))
                throw new IOException($"nothing was written for {path}");
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) atomically.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, temporary => File.WriteAllText(temporary, text));
}
