namespace TorchFit.Sweeps;

/// <summary>Where and how a sweep runs.</summary>
public sealed record SweepRunOptions
{
    /// <summary>The sweep directory (created if missing; resumed if it holds this sweep).</summary>
    public required string Directory { get; init; }

    /// <summary>Device name: auto, cpu, cuda, cuda:N. Defaults to auto.</summary>
    public string Device { get; init; } = "auto";

    /// <summary>The engine. Defaults to null: <see cref="Training.EngineDefaults.Sweep"/> (batched), on any device.</summary>
    public Training.TrainingEngine? Engine { get; init; }

    /// <summary>Run only this shard of the grid; null runs all of it.</summary>
    public SweepShard? Shard { get; init; }

    /// <summary>Threads the batched engine splits a group's columns over; null for <see cref="Training.Batched.ColumnParts.DefaultThreads"/>.</summary>
    public int? Threads { get; init; }
}
