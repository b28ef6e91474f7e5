namespace TorchFit.Reproduction;

/// <summary>How a reproduction case is solved.</summary>
public enum CaseMethod
{
    /// <summary>Closed form: <c>torch.linalg.lstsq</c> in float64 (the question's <c>np.linalg.lstsq</c>).</summary>
    LeastSquares,

    /// <summary>Keras-style SGD on a bias-free Dense(1) (the question's <c>model.fit</c>).</summary>
    Sgd,
}
