namespace TorchFit.IO;

/// <summary>Paths TorchFit reads from its own files (results.json, manifest.json…): only inside their directory.</summary>
public static class ContainedPath
{
    /// <summary>
    /// <paramref name="relative"/> resolved inside <paramref name="directory"/>, following links; an
    /// absolute path, a ".." that leaves the directory or a link that points out of it is refused.
    /// </summary>
    /// <param name="directory">The directory the path must stay in.</param>
    /// <param name="relative">The path as the file holds it.</param>
    /// <param name="source">Where the path was read (file and field), for the message.</param>
    /// <exception cref="InvalidInputException">The path leaves <paramref name="directory"/>.</exception>
    public static string Resolve(string directory, string relative, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(source);
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal))
            throw new InvalidInputException($"{source}: '{relative}' is not a path inside {directory}");
        string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        string full = Path.GetFullPath(Path.Combine(root, relative));
        if (!IsInside(root, full) || !IsInside(Resolved(root), Resolved(full)))
            throw new InvalidInputException($"{source}: '{relative}' points outside {directory}");
        return full;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The path with every link on it followed (as far as it exists).</summary>
    private static string Resolved(string path)
    {
        string? existing = path;
        var rest = new Stack<string>();
        while (existing is not null && !Path.Exists(existing))
        {
            rest.Push(Path.GetFileName(existing));
            existing = Path.GetDirectoryName(existing);
        }
        if (existing is null) return path;
        string real = RealPath(existing);
        while (rest.Count > 0) real = Path.Combine(real, rest.Pop());
        return real;
    }

    private static string RealPath(string path)
    {
        string? parent = Path.GetDirectoryName(path);
        string resolvedParent = parent is null ? path : RealPath(parent);
        if (parent is null) return path;
        string here = Path.Combine(resolvedParent, Path.GetFileName(path));
        var info = new FileInfo(here);
        if (info.LinkTarget is null) return here;
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? here : RealPath(Path.GetFullPath(target.FullName));
    }
}
