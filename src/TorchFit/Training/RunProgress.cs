namespace TorchFit.Training;

/// <summary>Epoch progress of a named training run (one of several an experiment runs).</summary>
/// <param name="RunName">What the run is, e.g. "200×300 SGD batch 32, 20,000 epochs".</param>
/// <param name="Training">The run's epoch progress.</param>
public readonly record struct RunProgress(string RunName, TrainingProgress Training);
