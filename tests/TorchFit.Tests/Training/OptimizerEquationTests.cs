using TorchFit.Problems;
using TorchFit.Training;
using Xunit.Abstractions;

namespace TorchFit.Tests.Training;

/// <summary>
/// Every engine computes Keras 3's <c>update_step</c> of every optimizer and option: float64 runs equal the managed
/// replay of Keras' equations (<see cref="KerasReference"/>) to 1e-12 relative.
/// </summary>
public class OptimizerEquationTests(ITestOutputHelper output)
{
    /// <summary>30 rows at batch 7: four batches of 7 and a partial one of 2, so 5 steps per epoch.</summary>
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(30, 12, 4);

    /// <summary>25 epochs: 125 steps, from a fixed start, rows in order.</summary>
    internal static readonly TrainingOptions Base = new()
    {
        Precision = Precision.Float64, Device = "cpu", BatchSize = 7, Epochs = 25, Shuffle = false,
        InitialWeights = [.. Enumerable.Range(0, 12).Select(j => 0.3 * Math.Sin(1.7 * j + 0.4))],
    };

    /// <summary>Each optimizer and option, some with a bias (one starting off zero), two with shuffled rows.</summary>
    internal static readonly Dictionary<string, TrainingOptions> Cases = new()
    {
        ["sgd"] = Base with { LearningRate = 0.02 },
        ["sgd bias"] = Base with { LearningRate = 0.02, UseBias = true },
        ["sgd momentum"] = Base with { LearningRate = 0.01, Momentum = 0.9 },
        ["sgd nesterov"] = Base with { LearningRate = 0.01, Momentum = 0.9, Nesterov = true },
        ["sgd nesterov bias"] = Base with { LearningRate = 0.01, Momentum = 0.7, Nesterov = true, UseBias = true, InitialBias = 0.25 },
        ["adam"] = Base with { Optimizer = OptimizerKind.Adam, LearningRate = 0.01 },
        ["adam bias shuffled"] = Base with { Optimizer = OptimizerKind.Adam, LearningRate = 0.01, UseBias = true, Shuffle = true, Seed = 9 },
        ["adam amsgrad"] = Base with { Optimizer = OptimizerKind.Adam, LearningRate = 0.01, Amsgrad = true },
        ["adam amsgrad bias betas"] = Base with
        {
            Optimizer = OptimizerKind.Adam, LearningRate = 0.02, Amsgrad = true, Beta1 = 0.8, Beta2 = 0.99, Epsilon = 1e-3, UseBias = true,
        },
        ["rmsprop"] = Base with { Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.005 },
        ["rmsprop centered"] = Base with { Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.005, Centered = true },
        ["rmsprop momentum"] = Base with { Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.002, Momentum = 0.9 },
        ["rmsprop centered momentum bias shuffled"] = Base with
        {
            Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.002, Momentum = 0.5, Centered = true, Rho = 0.8, UseBias = true, Shuffle = true, Seed = 2,
        },
        ["adagrad"] = Base with { Optimizer = OptimizerKind.Adagrad, LearningRate = 0.1 },
        ["adagrad bias"] = Base with { Optimizer = OptimizerKind.Adagrad, LearningRate = 0.1, InitialAccumulatorValue = 0.02, Epsilon = 1e-4, UseBias = true },
    };

    public static TheoryData<string, TrainingEngine> CasesOnEngines()
    {
        var data = new TheoryData<string, TrainingEngine>();
        foreach (var name in Cases.Keys)
            foreach (var engine in new[] { TrainingEngine.Keras, TrainingEngine.Fused, TrainingEngine.Batched })
                data.Add(name, engine);
        return data;
    }

    public static TheoryData<string> CaseNames() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CasesOnEngines))]
    public void Should_Equal_The_Replay_Of_Keras_Update_Step_To_1e12(string name, TrainingEngine engine)
    {
        // Given an optimizer configuration, 125 float64 steps with a partial last batch, and Keras' equations replayed
        var options = Cases[name];
        var keras = KerasReference.Fit(Problem, options);

        // When the engine trains from the same start over the same batches
        var run = Run.On(engine, Problem, options);

        // Then every epoch's MSE and History, and the final kernel and bias, equal the replay to 1e-12 relative
        Assert.Equal(options.InitialWeights, run.InitialWeights);
        Assert.Equal(options.UseBias ? options.InitialBias ?? 0 : null, run.InitialBias);
        var agreement = RunAgreement.Of(keras, run);
        output.WriteLine($"{name} on {engine}: {agreement}");
        Assert.True(agreement.Worst <= 1e-12, $"{name} on {engine}: {agreement}");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_Replay_A_Run_That_Trains(string name)
    {
        // Given a case of the comparison above
        var options = Cases[name];

        // When Keras' equations are replayed
        var keras = KerasReference.Fit(Problem, options);

        // Then the weights moved well past rounding and the MSE fell: the 1e-12 agreement is about a real trajectory
        var start = options.InitialWeights!;
        double moved = keras.FinalWeights.Zip(start, (w, w0) => Math.Abs(w - w0)).Max();
        double[] initial = options.UseBias ? [.. start, options.InitialBias ?? 0] : [.. start];
        double initialMse = ModelParameters.Problem(Problem, options).MeanSquaredError(initial);
        Assert.True(moved > 1e-2, $"{name}: the weights moved by {moved:E2} only");
        Assert.True(keras.FullMse[^1] < 0.5 * initialMse, $"{name}: MSE {initialMse:E3} → {keras.FullMse[^1]:E3}");
    }

    [Theory]
    [InlineData("sgd momentum", "sgd nesterov")]
    [InlineData("adam", "adam amsgrad")]
    [InlineData("rmsprop", "rmsprop centered")]
    [InlineData("rmsprop", "rmsprop momentum")]
    [InlineData("sgd", "sgd bias")]
    [InlineData("adagrad", "adagrad bias")]
    public void Should_Tell_Each_Option_Apart_Far_Beyond_The_Tolerance(string baseline, string variant)
    {
        // Given two cases that differ in one option
        // When both are replayed
        var first = KerasReference.Fit(Problem, Cases[baseline]);
        var second = KerasReference.Fit(Problem, Cases[variant]);

        // Then their MSE curves differ by far more than 1e-12: an engine that ignored the option would fail above
        double difference = RunAgreement.Elementwise(first.FullMse, second.FullMse);
        output.WriteLine($"{baseline} vs {variant}: MSE {difference:E1}");
        Assert.True(difference > 1e-6, $"{baseline} vs {variant}: MSE {difference:E1}");
    }
}
