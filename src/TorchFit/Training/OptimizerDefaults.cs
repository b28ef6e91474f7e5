namespace TorchFit.Training;

/// <summary>Keras 3's default hyper-parameters (the constructors in keras/src/optimizers/*.py), used under both semantics.</summary>
public static class OptimizerDefaults
{
    /// <summary>Keras' default <c>learning_rate</c>: 0.01 for SGD, 0.001 for Adam, RMSprop and Adagrad.</summary>
    public static double LearningRate(OptimizerKind optimizer) => optimizer == OptimizerKind.Sgd ? 0.01 : 0.001;

    /// <summary>Adam's <c>beta_1</c>.</summary>
    public const double Beta1 = 0.9;

    /// <summary>Adam's <c>beta_2</c>.</summary>
    public const double Beta2 = 0.999;

    /// <summary><c>epsilon</c> of Adam, RMSprop and Adagrad (PyTorch's defaults are 1e-8, 1e-8 and 1e-10).</summary>
    public const double Epsilon = 1e-7;

    /// <summary>RMSprop's <c>rho</c> (PyTorch calls it alpha and defaults it to 0.99).</summary>
    public const double Rho = 0.9;

    /// <summary>Adagrad's <c>initial_accumulator_value</c> (PyTorch defaults it to 0).</summary>
    public const double InitialAccumulatorValue = 0.1;
}
