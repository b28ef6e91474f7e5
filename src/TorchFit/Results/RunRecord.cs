namespace TorchFit.Results;

/// <summary>.torchfit-run.json: which verb wrote a result directory, and the files of its last run.</summary>
/// <param name="Verb">train, lstsq, reproduce, solve, diagnose, bench, sweep or merge.</param>
/// <param name="Files">The files the last run wrote, relative to the directory (empty for sweeps, whose files are fixed).</param>
public sealed record RunRecord(string Verb, IReadOnlyList<string> Files);
