namespace TorchFit.Training;

/// <summary>Reported after every epoch.</summary>
/// <param name="Epoch">Epochs completed (1-based).</param>
/// <param name="Epochs">Epochs requested.</param>
/// <param name="Mse">Full-data MSE after this epoch (float64).</param>
/// <param name="Seconds">Wall time since training started.</param>
public readonly record struct TrainingProgress(int Epoch, int Epochs, double Mse, double Seconds);
