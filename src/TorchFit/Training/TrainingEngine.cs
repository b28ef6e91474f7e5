namespace TorchFit.Training;

/// <summary>
/// How a run is computed. All three give the same trajectory: the tests hold each to the others per
/// epoch (1e-10 relative in float64). <see cref="EngineResolver"/> turns one into an <see cref="ITrainingEngine"/>
/// and decides its device; <see cref="EngineDefaults"/> says which one each entry point uses.
/// </summary>
public enum TrainingEngine
{
    /// <summary>The Keras mirror: TorchSharp's nn.Linear, MSELoss, autograd and torch.optim.SGD. Any device.</summary>
    Keras,

    /// <summary>Closed-form gradient and the update rule on managed SIMD buffers (torch ops on CUDA); about 25× faster than keras at batch 32.</summary>
    Fused,

    /// <summary>The fused engine for K configurations at once, as the columns of one d×K weight matrix; fastest for sweeps.</summary>
    Batched,
}
