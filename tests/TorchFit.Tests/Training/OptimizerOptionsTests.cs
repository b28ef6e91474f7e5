using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Training;

/// <summary>
/// The optimizer's options in <see cref="TrainingOptions"/>: Keras' defaults, each value checked against its range, and
/// an option that does not belong to the chosen optimizer refused with the property named.
/// </summary>
public class OptimizerOptionsTests
{
    private static readonly TrainingOptions Cpu = new() { Device = "cpu", Epochs = 2, BatchSize = 4 };

    [Theory]
    [InlineData(OptimizerKind.Sgd, 0.01)]
    [InlineData(OptimizerKind.Adam, 0.001)]
    [InlineData(OptimizerKind.Rmsprop, 0.001)]
    [InlineData(OptimizerKind.Adagrad, 0.001)]
    public void Should_Default_The_Learning_Rate_To_The_Optimizers_Keras_Default(OptimizerKind optimizer, double keras)
    {
        // Given options that name only the optimizer, whether set at construction or changed with `with`
        var made = new TrainingOptions { Optimizer = optimizer };
        var changed = new TrainingOptions() with { Optimizer = optimizer };

        // Then the learning rate is Keras' default for it, and a given one stays whatever the optimizer
        Assert.Equal(keras, made.LearningRate);
        Assert.Equal(keras, changed.LearningRate);
        Assert.Equal(0.05, (new TrainingOptions { LearningRate = 0.05 } with { Optimizer = optimizer }).LearningRate);
    }

    [Fact]
    public void Should_Default_Every_Hyper_Parameter_As_Keras_Does()
    {
        // Given default options
        var options = new TrainingOptions();

        // Then they are Keras' SGD with Keras' defaults for the other optimizers' values, Keras' formulas, no bias,
        // and a diverged run stops
        Assert.Equal(OptimizerKind.Sgd, options.Optimizer);
        Assert.Equal(OptimizerSemantics.Keras, options.Semantics);
        Assert.Equal(0, options.Momentum);
        Assert.False(options.Nesterov);
        Assert.Equal(0.9, options.Beta1);
        Assert.Equal(0.999, options.Beta2);
        Assert.Equal(1e-7, options.Epsilon);
        Assert.False(options.Amsgrad);
        Assert.Equal(0.9, options.Rho);
        Assert.False(options.Centered);
        Assert.Equal(0.1, options.InitialAccumulatorValue);
        Assert.False(options.UseBias);
        Assert.Null(options.InitialBias);
        Assert.Equal(DivergencePolicy.Stop, options.OnDivergence);
    }

    public static TheoryData<OptimizerKind, string, TrainingOptions> ForeignOptions() => new()
    {
        { OptimizerKind.Sgd, nameof(TrainingOptions.Beta1), Cpu with { Beta1 = 0.8 } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.Beta2), Cpu with { Beta2 = 0.99 } },
        { OptimizerKind.Sgd, nameof(TrainingOptions.Amsgrad), Cpu with { Amsgrad = true } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Momentum), Cpu with { Momentum = 0.9 } },
        { OptimizerKind.Adagrad, nameof(TrainingOptions.Momentum), Cpu with { Momentum = 0.5 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Rho), Cpu with { Rho = 0.95 } },
        { OptimizerKind.Adagrad, nameof(TrainingOptions.Rho), Cpu with { Rho = 0.5 } },
        { OptimizerKind.Sgd, nameof(TrainingOptions.Centered), Cpu with { Centered = true } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Centered), Cpu with { Centered = true } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.Nesterov), Cpu with { Momentum = 0.9, Nesterov = true } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Nesterov), Cpu with { Nesterov = true } },
        { OptimizerKind.Sgd, nameof(TrainingOptions.Epsilon), Cpu with { Epsilon = 1e-8 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.InitialAccumulatorValue), Cpu with { InitialAccumulatorValue = 0 } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.InitialAccumulatorValue), Cpu with { InitialAccumulatorValue = 1 } },
    };

    [Theory]
    [MemberData(nameof(ForeignOptions))]
    public void Should_Refuse_An_Option_That_Does_Not_Belong_To_The_Optimizer(OptimizerKind optimizer, string property, TrainingOptions options)
    {
        // Given an option set away from its default for an optimizer that does not use it
        options = options with { Optimizer = optimizer };

        // When the options are validated
        var error = Assert.Throws<InvalidInputException>(options.Validate);

        // Then the error names the property and the optimizer, in one line
        Assert.Equal(property, error.Option);
        Assert.StartsWith(property + " ", error.Message, StringComparison.Ordinal);
        Assert.Contains(optimizer.ToString().ToLowerInvariant(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Rmsprop)]
    [InlineData(OptimizerKind.Adagrad)]
    public void Should_Accept_Foreign_Options_Left_At_Their_Keras_Defaults(OptimizerKind optimizer)
    {
        // Given every optimizer's values written out at their defaults
        var options = Cpu with
        {
            Optimizer = optimizer, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-7, Rho = 0.9, InitialAccumulatorValue = 0.1, Momentum = 0,
            Nesterov = false, Amsgrad = false, Centered = false,
        };

        // When validated, Then nothing is refused
        options.Validate();
    }

    public static TheoryData<OptimizerKind, string, TrainingOptions> OutOfRange() => new()
    {
        { OptimizerKind.Adam, nameof(TrainingOptions.LearningRate), Cpu with { LearningRate = 0 } },
        { OptimizerKind.Adagrad, nameof(TrainingOptions.LearningRate), Cpu with { LearningRate = double.NaN } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Beta1), Cpu with { Beta1 = 1 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Beta1), Cpu with { Beta1 = -0.1 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Beta2), Cpu with { Beta2 = 1 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.Epsilon), Cpu with { Epsilon = -1e-7 } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.Epsilon), Cpu with { Epsilon = double.NaN } },
        { OptimizerKind.Adagrad, nameof(TrainingOptions.Epsilon), Cpu with { Epsilon = double.PositiveInfinity } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.Rho), Cpu with { Rho = 1 } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.Rho), Cpu with { Rho = -0.5 } },
        { OptimizerKind.Rmsprop, nameof(TrainingOptions.Momentum), Cpu with { Momentum = 1 } },
        { OptimizerKind.Sgd, nameof(TrainingOptions.Momentum), Cpu with { Momentum = -0.1 } },
        { OptimizerKind.Sgd, nameof(TrainingOptions.Nesterov), Cpu with { Nesterov = true } },
        { OptimizerKind.Adagrad, nameof(TrainingOptions.InitialAccumulatorValue), Cpu with { InitialAccumulatorValue = -0.1 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.InitialBias), Cpu with { InitialBias = 0.5 } },
        { OptimizerKind.Adam, nameof(TrainingOptions.InitialBias), Cpu with { UseBias = true, InitialBias = double.NaN } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Should_Refuse_A_Value_Out_Of_Its_Range(OptimizerKind optimizer, string property, TrainingOptions options)
    {
        // Given a value out of its range for the optimizer that uses it
        options = options with { Optimizer = optimizer };

        // When validated, Then the error names the property
        var error = Assert.Throws<InvalidInputException>(options.Validate);
        Assert.Equal(property, error.Option);
        Assert.StartsWith(property + " ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TrainingEngine.Keras)]
    [InlineData(TrainingEngine.Fused)]
    [InlineData(TrainingEngine.Batched)]
    public void Should_Refuse_Before_Training_On_Every_Engine(TrainingEngine engine)
    {
        // Given a batched group whose second configuration sets Adam's β₁ on SGD, and a progress sink
        var problem = ProblemGenerator.Uniform(8, 3, 0);
        var good = Cpu with { Optimizer = OptimizerKind.Adam };
        var bad = Cpu with { Beta1 = 0.5 };
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress(reports.Add);

        // When an engine is asked to train it
        var error = Assert.Throws<InvalidInputException>(() =>
        {
            if (engine == TrainingEngine.Batched) Run.Batched(problem, [good, bad], progress);
            else Trainer.Train(problem, bad with { Engine = engine }, progress);
        });

        // Then it refused naming the property, before any epoch ran
        Assert.Equal(nameof(TrainingOptions.Beta1), error.Option);
        Assert.Empty(reports);
    }

    /// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
