using TorchFit.Training.Rules;

namespace TorchFit.Training;

/// <summary>How run titles name an optimizer: its Keras name, the learning rate, and every hyper-parameter set away from Keras' default.</summary>
public static class OptimizerText
{
    /// <summary>E.g. "SGD lr 0.01", "SGD lr 0.02635, momentum 0.968", "Adam lr 0.001, amsgrad", "RMSprop lr 0.001, centered (torch.optim formulas)".</summary>
    public static string Describe(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parts = new List<string> { $"{Title(options.Optimizer)} lr {Text.R(options.LearningRate)}" };
        if (options.Momentum > 0) parts.Add($"momentum {Text.R(options.Momentum)}{(options.Nesterov ? " Nesterov" : "")}");
        if (options.Beta1 != OptimizerDefaults.Beta1) parts.Add($"beta_1 {Text.R(options.Beta1)}");
        if (options.Beta2 != OptimizerDefaults.Beta2) parts.Add($"beta_2 {Text.R(options.Beta2)}");
        if (options.Amsgrad) parts.Add("amsgrad");
        if (options.Rho != OptimizerDefaults.Rho) parts.Add($"rho {Text.R(options.Rho)}");
        if (options.Centered) parts.Add("centered");
        if (options.InitialAccumulatorValue != OptimizerDefaults.InitialAccumulatorValue) parts.Add($"initial accumulator {Text.R(options.InitialAccumulatorValue)}");
        if (options.Epsilon != OptimizerDefaults.Epsilon) parts.Add($"epsilon {Text.R(options.Epsilon)}");
        string text = string.Join(", ", parts);
        return UpdateForm.Of(options).Semantics == OptimizerSemantics.Torch ? $"{text} (torch.optim formulas)" : text;
    }

    /// <summary>Keras' class name: SGD, Adam, RMSprop, Adagrad.</summary>
    public static string Title(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.Sgd => "SGD",
        OptimizerKind.Adam => "Adam",
        OptimizerKind.Rmsprop => "RMSprop",
        _ => "Adagrad",
    };
}
