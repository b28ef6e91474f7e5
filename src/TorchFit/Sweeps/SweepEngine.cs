namespace TorchFit.Sweeps;

/// <summary>How a sweep trains its configurations.</summary>
public enum SweepEngine
{
    /// <summary>
    /// Configurations that share batch size, seed, dtype and init train together as the columns of one
    /// weight matrix (<see cref="Training.Batched.BatchedTrainer"/>). CPU only; the fastest.
    /// </summary>
    Batched,

    /// <summary>One <see cref="Training.FusedTrainer"/> run per configuration. CPU only.</summary>
    Fused,

    /// <summary>One Keras-mirror run per configuration (module, autograd, optim.SGD). Any device.</summary>
    Keras,
}
