using TorchFit.IO;

namespace TorchFit.Results;

/// <summary>
/// The output directory of one run, held for the whole run: it is checked before any work, locked
/// against other runs (<see cref="DirectoryLock"/>), cleared of the temporary files a killed run left,
/// and refused when it holds an earlier run of another verb (or files TorchFit did not write) unless
/// the caller asks to clear it. A rerun of the same verb replaces the earlier run's files; a sweep
/// directory is kept for resuming (<see cref="Sweeps.SweepRunner"/> checks it is the same sweep).
/// Every file is written atomically.
/// </summary>
public sealed class ResultDirectory : IDisposable
{
    /// <summary>The run record's name.</summary>
    public const string RecordFileName = ".torchfit-run.json";

    /// <summary>The key in <see cref="Exception.Data"/> of the error for a directory holding an earlier run that clearing would replace.</summary>
    public const string OccupiedKey = "TorchFit.ResultDirectory.Occupied";

    /// <summary>The names TorchFit's verbs write (files and folders).</summary>
    private static readonly HashSet<string> KnownNames =
    [
        SummaryFiles.JsonName, SummaryFiles.CsvName, "loss-curves.png", "loss-curves.svg", "x.csv", "solve.json", "solve.png", "solve.svg", "diagnosis.json",
        "spectrum.png", "spectrum.svg", "predicted-vs-measured.png", "predicted-vs-measured.svg", "bench.json",
        "manifest.json", "results.json", "results.csv", "results.jsonl", "histories", "plots",
    ];

    private readonly DirectoryLock _lock;
    private readonly List<string> _files = [];
    private readonly bool _tracked;

    private ResultDirectory(string path, string verb, DirectoryLock directoryLock)
    {
        Path = path;
        Verb = verb;
        _lock = directoryLock;
        _tracked = verb != "sweep";
    }

    /// <summary>The directory.</summary>
    public string Path { get; }

    /// <summary>The verb writing into it.</summary>
    public string Verb { get; }

    /// <summary>The files this run wrote, relative to <see cref="Path"/>.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>
    /// Checks, creates and locks <paramref name="path"/> for a run of <paramref name="verb"/>.
    /// With <paramref name="clear"/>, an earlier run's files are removed first.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The path is a file or a dangling link, is not writable, is locked by another run, or holds
    /// an earlier run of another verb or files TorchFit did not write (and <paramref name="clear"/> is false).
    /// </exception>
    public static ResultDirectory Open(string path, string verb, bool clear = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        Create(path);
        var directoryLock = DirectoryLock.Take(path);
        try
        {
            AtomicFile.RemoveOrphans(path);
            var record = ReadRecord(path);
            var entries = Visible(path);
            if (entries.Count > 0)
            {
                if (clear) Clear(path, record);
                else if (record is null)
                    throw Occupied($"{path}: holds {Describe(entries)}, not a TorchFit result directory; choose an empty directory");
                else if (record.Verb != verb)
                    throw Occupied($"{path}: holds an earlier {record.Verb} run; choose another directory");
                else if (verb != "sweep")
                    foreach (string file in record.Files) Delete(path, file);
            }
            var directory = new ResultDirectory(path, verb, directoryLock);
            directory.SaveRecord();
            return directory;
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    /// <summary>The full path of <paramref name="name"/>, a path inside the directory.</summary>
    public string Combine(string name) => ContainedPath.Resolve(Path, name, $"{Path}: output file");

    /// <summary>
    /// The full path of <paramref name="name"/>, recorded as this run's file, for a writer that
    /// writes atomically itself (the plots, through <see cref="AtomicFile"/>).
    /// </summary>
    public string PathFor(string name)
    {
        string full = Combine(name);
        Track(name);
        return full;
    }

    /// <summary>Writes <paramref name="name"/> through <paramref name="writeTemporary"/> atomically; returns its full path.</summary>
    public string Write(string name, Action<string> writeTemporary)
    {
        string full = PathFor(name);
        AtomicFile.Write(full, writeTemporary);
        return full;
    }

    /// <summary>Writes text (UTF-8) atomically.</summary>
    public string WriteText(string name, string text) => Write(name, temporary => File.WriteAllText(temporary, text));

    /// <summary>Writes <paramref name="value"/> as JSON (<see cref="ResultJson"/>) atomically.</summary>
    public string WriteJson<T>(string name, T value) => WriteText(name, ResultJson.Serialize(value) + "\n");

    /// <summary>summary.json and summary.csv.</summary>
    public void WriteSummary(RunSummary summary)
    {
        WriteJson(SummaryFiles.JsonName, summary);
        WriteText(SummaryFiles.CsvName, SummaryFiles.ToCsv(summary));
    }

    /// <summary>One history CSV per SGD run, named after the case; returns the file name.</summary>
    public string WriteHistory(string caseName, IReadOnlyList<double> historyLoss, IReadOnlyList<double> fullMse, IReadOnlyList<double>? seconds)
    {
        ArgumentNullException.ThrowIfNull(fullMse);
        string name = HistoryFile.NameFor(caseName);
        WriteText(name, HistoryFile.Format(fullMse.Count, historyLoss, fullMse, seconds));
        return name;
    }

    /// <summary>A vector as a one-column CSV with <paramref name="header"/>, one value per line.</summary>
    public string WriteColumn(string name, string header, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new System.Text.StringBuilder(header).Append('\n');
        foreach (double v in values) text.Append(ResultCsv.Number(v)).Append('\n');
        return WriteText(name, text.ToString());
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _lock.Dispose();

    private void Track(string name)
    {
        if (!_tracked || _files.Contains(name)) return;
        _files.Add(name);
        SaveRecord();
    }

    // Saved before each new file, so a killed run's files are still known to the next run.
    private void SaveRecord() => ResultJson.Write(System.IO.Path.Combine(Path, RecordFileName), new RunRecord(Verb, _files));

    private static void Create(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null && !Directory.Exists(path))
            throw new InvalidInputException($"{path}: a link to {info.LinkTarget}, which is not a directory");
        if (File.Exists(path)) throw new InvalidInputException($"{path}: is a file, not a directory");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"{path}: cannot create the directory ({e.Message})", e);
        }
    }

    private static RunRecord? ReadRecord(string path)
    {
        try
        {
            // A sweep directory from before the record existed is known by its manifest, so it still resumes.
            return ResultJson.Read<RunRecord>(System.IO.Path.Combine(path, RecordFileName))
                ?? (File.Exists(System.IO.Path.Combine(path, "manifest.json")) ? new RunRecord("sweep", []) : null);
        }
        catch (InvalidInputException)
        {
            return null;   // unreadable: treated as no record, so the directory must be empty or cleared
        }
    }

    /// <summary>Entries other than hidden ones (the lock, the record, a user's dotfiles).</summary>
    private static List<string> Visible(string path) =>
        [.. Directory.EnumerateFileSystemEntries(path).Select(System.IO.Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <summary>Removes the earlier run's files and TorchFit's known outputs; refuses to touch anything else.</summary>
    private static void Clear(string path, RunRecord? record)
    {
        foreach (string file in record?.Files ?? []) Delete(path, file);
        foreach (string name in Visible(path).Where(n => KnownNames.Contains(n) || IsHistory(System.IO.Path.Combine(path, n))))
            Delete(path, name);
        var left = Visible(path);
        if (left.Count > 0)
            throw new InvalidInputException($"{path}: holds {Describe(left)}, which TorchFit did not write; choose another directory");
    }

    private static void Delete(string path, string name)
    {
        string full;
        try
        {
            full = ContainedPath.Resolve(path, name, System.IO.Path.Combine(path, RecordFileName));
        }
        catch (InvalidInputException)
        {
            return;   // a record naming a path outside the directory: never delete there
        }
        if (Directory.Exists(full) && new FileInfo(full).LinkTarget is null) Directory.Delete(full, recursive: true);
        else if (File.Exists(full) || new FileInfo(full).LinkTarget is not null) File.Delete(full);
    }

    private static bool IsHistory(string file)
    {
        if (!file.EndsWith(".csv", StringComparison.Ordinal) || !File.Exists(file)) return false;
        using var reader = new StreamReader(file);
        var header = new char[HistoryFile.HeaderStart.Length];
        return reader.ReadBlock(header) == header.Length && new string(header) == HistoryFile.HeaderStart;
    }

    private static string Describe(List<string> entries) =>
        entries.Count == 1 ? entries[0] : $"{entries.Count} entries ({string.Join(", ", entries.Take(3))}{(entries.Count > 3 ? ", …" : "")})";

    /// <summary>The error for a directory that holds a run clearing would replace (marked with <see cref="OccupiedKey"/>).</summary>
    internal static InvalidInputException Occupied(string message)
    {
        var e = new InvalidInputException(message);
        e.Data[OccupiedKey] = true;
        return e;
    }
}
