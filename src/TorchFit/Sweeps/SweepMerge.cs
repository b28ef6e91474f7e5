using TorchFit.IO;

namespace TorchFit.Sweeps;

/// <summary>Combines the directories of one sweep's shards into one directory.</summary>
public static class SweepMerge
{
    /// <summary>
    /// Checks that every directory holds a shard of the same sweep (same grid and problem, distinct
    /// shards, no configuration twice with different results) and that every history it names is
    /// <c>histories/KEY.csv</c> inside it, then writes the union of their rows, histories and a
    /// manifest into <paramref name="output"/>. Nothing is written when a check fails; a copy that
    /// fails halfway removes the histories it copied.
    /// </summary>
    /// <exception cref="InvalidInputException">A directory is not a sweep, belongs to another sweep, repeats a shard, or names a history outside itself.</exception>
    public static SweepOutcome Merge(IReadOnlyList<string> directories, string output)
    {
        ArgumentNullException.ThrowIfNull(directories);
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        if (directories.Count == 0) throw new InvalidInputException("merge: name at least one sweep directory");
        var sources = directories.Select(d => new SweepStore(d)).ToList();
        var manifests = sources.Select(s => s.ReadManifest()
            ?? throw new InvalidInputException($"{s.Directory}: no manifest.json here; not a sweep directory")).ToList();
        var first = manifests[0];
        for (int i = 1; i < manifests.Count; i++)
        {
            if (manifests[i].SweepId != first.SweepId)
                throw new InvalidInputException($"{sources[i].Directory}: belongs to another sweep (id {manifests[i].SweepId}, grid '{manifests[i].Grid.Description}') than {sources[0].Directory} (id {first.SweepId})");
            if (manifests[i].Shard is not null && manifests.Take(i).Any(m => m.Shard == manifests[i].Shard))
                throw new InvalidInputException($"{sources[i].Directory}: shard {manifests[i].Shard} is given twice");
        }
        if (sources.Any(s => Path.GetFullPath(s.Directory) == Path.GetFullPath(output)))
            throw new InvalidInputException($"merge: the output directory {output} is one of the inputs; choose a new directory");

        var rows = new Dictionary<string, (SweepRow Row, string From)>();
        foreach (var source in sources)
            foreach (var row in source.ReadRows())
            {
                if (rows.TryGetValue(row.Key, out var seen) && !SameResult(seen.Row, row))
                    throw new InvalidInputException($"{source.Directory}: configuration {row.Key} differs from the one in {Path.GetDirectoryName(Path.GetDirectoryName(seen.From))}");
                if (seen.Row is not null) continue;
                string from = source.HistoryPath(row);
                if (!File.Exists(from)) throw new InvalidInputException($"{from}: history file missing");
                rows.Add(row.Key, (row, from));
            }

        var target = new SweepStore(output);
        if (target.ReadManifest() is not null || File.Exists(target.ResultsJsonPath))
            throw new InvalidInputException($"merge: the output directory {output} already holds a sweep; choose a new directory");
        var copied = new List<string>();
        try
        {
            foreach (var (row, from) in rows.Values)
            {
                string to = Path.Combine(Path.GetFullPath(output), SweepStore.HistoryName(row.Key));
                AtomicFile.Write(to, temporary => File.Copy(from, temporary, overwrite: true));
                copied.Add(to);
            }
        }
        catch
        {
            foreach (string file in copied) File.Delete(file);
            throw;
        }
        var merged = rows.Values.Select(v => v.Row).OrderBy(r => r.Index).ToList();
        target.WriteRows(merged);
        bool complete = merged.Count == first.GridConfigurations;
        var manifest = first with
        {
            Shard = null,
            Configurations = first.GridConfigurations,
            StartedAt = manifests.Min(m => m.StartedAt),
            FinishedAt = complete && manifests.All(m => m.FinishedAt is not null) ? manifests.Max(m => m.FinishedAt) : null,
            MergedFrom = [.. sources.Select(s => s.Directory)],
        };
        target.WriteManifest(manifest);
        return new SweepOutcome(merged, manifest, 0, 0, false, 0);
    }

    private static bool SameResult(SweepRow a, SweepRow b) =>
        a.EpochsRun == b.EpochsRun && a.FinalMse.Equals(b.FinalMse) && a.Stop == b.Stop;
}
