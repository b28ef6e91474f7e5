namespace TorchFit.Cli.Output;

/// <summary>One row of summary.json / summary.csv.</summary>
internal sealed record SummaryCase(
    string Name,
    int N,
    int D,
    string Method,
    int? BatchSize,
    int? Epochs,
    double? LearningRate,
    double? Momentum,
    bool? Nesterov,
    string Dtype,
    string Device,
    double Mse,
    double? SolutionNorm,
    double Seconds,
    string? Stop,
    int? DivergedAtEpoch,
    double? ReportedMse,
    string? ReportedBy,
    string? HistoryFile);
