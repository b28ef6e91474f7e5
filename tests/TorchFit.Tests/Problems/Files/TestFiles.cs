namespace TorchFit.Tests.Problems.Files;

/// <summary>Paths of the committed problem files and scratch space for written ones.</summary>
internal static class TestFiles
{
    /// <summary>data/ as copied next to the tests.</summary>
    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    /// <summary>data/reference/files/NAME: written by NumPy (tools/reference/make_problem_files.py).</summary>
    public static string NumPy(string name) => Data("reference", "files", name);

    /// <summary>A fresh empty directory under the temp folder.</summary>
    public static string NewDirectory()
    {
        string directory = Path.Combine(Path.GetTempPath(), "torchfit-files-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Writes <paramref name="text"/> to a new file named <paramref name="name"/> and returns its path.</summary>
    public static string WriteText(string name, string text)
    {
        string path = Path.Combine(NewDirectory(), name);
        File.WriteAllText(path, text);
        return path;
    }
}
