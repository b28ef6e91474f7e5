namespace TorchFit.Training;

/// <summary>How the d×1 kernel is initialised.</summary>
public enum WeightInit
{
    /// <summary>
    /// Keras <c>glorot_uniform</c> (Dense's default): U(−L, L), L = √(6 / (fan_in + fan_out)),
    /// ≈ 0.14119 for 300→1.
    /// </summary>
    Glorot,

    /// <summary>
    /// PyTorch's <c>nn.Linear</c> default (kaiming-uniform with a = √5): U(−1/√fan_in, 1/√fan_in),
    /// ≈ 0.05774 for 300→1.
    /// </summary>
    Torch,
}
