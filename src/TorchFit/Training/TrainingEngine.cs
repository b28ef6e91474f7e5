namespace TorchFit.Training;

/// <summary>How a run is computed. Both give the same trajectory (tested to 1e-10 in float64).</summary>
public enum TrainingEngine
{
    /// <summary>TorchSharp's nn.Linear, MSELoss, autograd and optim.SGD: the Keras mirror. Any device.</summary>
    Keras,

    /// <summary>Closed-form gradient and SGD update: managed SIMD on the CPU (~10× faster at batch 32), torch ops on CUDA.</summary>
    Fused,
}
