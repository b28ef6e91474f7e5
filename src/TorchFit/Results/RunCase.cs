namespace TorchFit.Results;

/// <summary>One row of summary.json / summary.csv: one lstsq solve, SGD run or prescribed run.</summary>
public sealed record RunCase
{
    /// <summary>Label, e.g. "200×300 SGD lr 0.01, batch 32, 10,000 epochs".</summary>
    public required string Name { get; init; }

    /// <summary>n.</summary>
    public required int N { get; init; }

    /// <summary>d.</summary>
    public required int D { get; init; }

    /// <summary>The optimizer of a trained case (sgd, adam, rmsprop, adagrad), lstsq or solve.</summary>
    public required string Method { get; init; }

    /// <summary>Rows per step (SGD), else null.</summary>
    public int? BatchSize { get; init; }

    /// <summary>Epochs (SGD), else null.</summary>
    public int? Epochs { get; init; }

    /// <summary>η (SGD), else null.</summary>
    public double? LearningRate { get; init; }

    /// <summary>μ (SGD), else null.</summary>
    public double? Momentum { get; init; }

    /// <summary>Nesterov momentum (SGD), else null.</summary>
    public bool? Nesterov { get; init; }

    /// <summary>float32 or float64.</summary>
    public required string Dtype { get; init; }

    /// <summary>Where it ran.</summary>
    public required string Device { get; init; }

    /// <summary>Full-data MSE ‖A·x − b‖²/n in float64.</summary>
    public required double Mse { get; init; }

    /// <summary>‖x‖₂, or null when the weights were not kept.</summary>
    public double? SolutionNorm { get; init; }

    /// <summary>Wall time.</summary>
    public required double Seconds { get; init; }

    /// <summary>Why the run stopped (completed, diverged, reachedtarget, cancelled…), or null.</summary>
    public string? Stop { get; init; }

    /// <summary>The epoch at which it diverged, or null.</summary>
    public int? DivergedAtEpoch { get; init; }

    /// <summary>The figure the question reported for this case, or null.</summary>
    public double? ReportedMse { get; init; }

    /// <summary>Who reported it, or null.</summary>
    public string? ReportedBy { get; init; }

    /// <summary>Whose optimizer formulas a trained case computed (keras or torch), else null.</summary>
    public string? Semantics { get; init; }

    /// <summary>The trained (or fitted) bias of a model with one, else null.</summary>
    public double? Bias { get; init; }

    /// <summary>The per-epoch history file, relative to the result directory, or null.</summary>
    public string? HistoryFile { get; init; }
}
