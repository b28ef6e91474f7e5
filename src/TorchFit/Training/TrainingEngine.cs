namespace TorchFit.Training;

/// <summary>How a run is computed. Both give the same trajectory (tested to 1e-10 in float64).</summary>
public enum TrainingEngine
{
    /// <summary>TorchSharp's nn.Linear, MSELoss, autograd and optim.SGD: the Keras mirror. Any device.</summary>
    Keras,

    /// <summary>Closed-form gradient and SGD update on managed memory with SIMD: CPU only, ~8× faster at batch 32.</summary>
    Fused,
}
