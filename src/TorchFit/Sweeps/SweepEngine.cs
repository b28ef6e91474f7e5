namespace TorchFit.Sweeps;

/// <summary>How a sweep trains its configurations.</summary>
public enum SweepEngine
{
    /// <summary>
    /// Configurations that share batch size, seed, dtype and init train together as the columns of one
    /// weight matrix (<see cref="Training.Batched.BatchedTrainer"/>): managed SIMD on the CPU, torch ops on CUDA. The fastest.
    /// </summary>
    Batched,

    /// <summary>One <see cref="Training.FusedTrainer"/> run per configuration.</summary>
    Fused,

    /// <summary>One Keras-mirror run per configuration (module, autograd, optim.SGD). Any device.</summary>
    Keras,
}
