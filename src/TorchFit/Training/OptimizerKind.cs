namespace TorchFit.Training;

/// <summary>Which optimizer updates the weights, by its Keras name (<c>optimizer="sgd"</c>, …).</summary>
public enum OptimizerKind
{
    /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum: Keras <c>SGD</c>, PyTorch <c>SGD</c>.</summary>
    Sgd,

    /// <summary>Adam, optionally AMSGrad: Keras <c>Adam</c>, PyTorch <c>Adam</c>.</summary>
    Adam,

    /// <summary>RMSprop, optionally centered and with momentum: Keras <c>RMSprop</c>, PyTorch <c>RMSprop</c>.</summary>
    Rmsprop,

    /// <summary>Adagrad: Keras <c>Adagrad</c>, PyTorch <c>Adagrad</c>.</summary>
    Adagrad,
}
