namespace TorchFit.Training;

/// <summary>
/// Whose formulas an optimizer computes with the hyper-parameters given. Keras 3 and PyTorch name the same
/// optimizers but compute them differently (where ε goes in Adam, RMSprop's and Adagrad's √(v + ε) against
/// √v + ε, SGD momentum kept as −η·buf): <c>docs/optimizers.md</c> lists the differences.
/// </summary>
public enum OptimizerSemantics
{
    /// <summary>Keras 3's <c>update_step</c> (keras/src/optimizers/*.py), operation by operation.</summary>
    Keras,

    /// <summary><c>torch.optim</c>'s step, as TorchSharp computes it.</summary>
    Torch,
}
