using System.Text;

namespace TorchFit.Problems.Files;

/// <summary>Turns what the file system and the zip reader throw while a file is read into one line that names the file.</summary>
internal static class FileReadErrors
{
    /// <summary>Runs <paramref name="read"/>, rethrowing its I/O failures as <see cref="InvalidInputException"/> prefixed with <paramref name="path"/>.</summary>
    public static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (UnauthorizedAccessException e)
        {
            throw new InvalidInputException($"{path}: permission denied", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or DecoderFallbackException)
        {
            throw new InvalidInputException($"{path}: cannot read: {e.Message}", e);
        }
    }
}
