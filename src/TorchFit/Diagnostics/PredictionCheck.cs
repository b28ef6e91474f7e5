namespace TorchFit.Diagnostics;

/// <summary>A predicted loss curve beside the measured one, epoch by epoch.</summary>
/// <param name="Predicted">Full-data MSE the SVD recursion predicts after each epoch.</param>
/// <param name="Measured">Full-data MSE the trainer measured after each epoch.</param>
/// <param name="LargestRelativeGap">max over epochs of |predicted − measured| / measured.</param>
/// <param name="Exact">True for full batch (the recursion is the run's exact arithmetic); false
/// for mini-batches, predicted as full-batch steps of the same size.</param>
public sealed record PredictionCheck(double[] Predicted, double[] Measured, double LargestRelativeGap, bool Exact);
