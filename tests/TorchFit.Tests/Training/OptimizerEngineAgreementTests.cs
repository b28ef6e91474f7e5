using TorchFit.Problems;
using TorchFit.Training;
using Xunit.Abstractions;

namespace TorchFit.Tests.Training;

/// <summary>
/// The keras, fused and batched engines compute the same run for every optimizer, to 1e-10 in float64, the batched
/// one with a group of configurations that differ in the rule's scalars.
/// </summary>
public class OptimizerEngineAgreementTests(ITestOutputHelper output)
{
    /// <summary>An under-determined 40×60 problem at batch 7: five batches of 7 and one of 5, so 6 steps per epoch.</summary>
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(40, 60, 8);

    /// <summary>20 epochs (120 steps), shuffled, from Glorot weights drawn from the seed.</summary>
    private static readonly TrainingOptions Base = new()
    {
        Precision = Precision.Float64, Device = "cpu", BatchSize = 7, Epochs = 20, Shuffle = true, Seed = 11,
    };

    /// <summary>One group per update form: six configurations each, differing in η, μ, β₁, β₂, ε, ρ or the accumulator's start.</summary>
    private static readonly Dictionary<string, TrainingOptions[]> Groups = new()
    {
        ["sgd"] = Group(Base, [0.001, 0.002, 0.003, 0.004, 0.005, 0.006], (o, x) => o with { LearningRate = x }),
        ["sgd momentum"] = Group(Base with { LearningRate = 0.001 }, [0.1, 0.3, 0.5, 0.7, 0.8, 0.9], (o, x) => o with { Momentum = x, LearningRate = o.LearningRate * (1 + x) }),
        ["sgd nesterov bias"] = Group(Base with { Nesterov = true, UseBias = true }, [0.1, 0.3, 0.5, 0.7, 0.8, 0.9], (o, x) => o with { Momentum = x, LearningRate = 0.002 * (1 - x) + 0.0005 }),
        ["adam"] = Group(Base with { Optimizer = OptimizerKind.Adam }, [0.001, 0.003, 0.01, 0.02, 0.005, 0.002],
            (o, x) => o with { LearningRate = x, Beta1 = 0.9 - 10 * x, Beta2 = 0.999 - x, Epsilon = 1e-7 * (1 + 1000 * x) }),
        ["adam amsgrad bias"] = Group(Base with { Optimizer = OptimizerKind.Adam, Amsgrad = true, UseBias = true }, [0.001, 0.003, 0.01, 0.02, 0.005, 0.002],
            (o, x) => o with { LearningRate = x, Beta1 = 0.5 + 20 * x, Beta2 = 0.99 + x / 4 }),
        ["adam torch"] = Group(Base with { Optimizer = OptimizerKind.Adam, Semantics = OptimizerSemantics.Torch }, [0.001, 0.003, 0.01, 0.02, 0.005, 0.002],
            (o, x) => o with { LearningRate = x, Beta2 = 0.999 - x, Epsilon = 1e-8 }),
        ["rmsprop"] = Group(Base with { Optimizer = OptimizerKind.Rmsprop }, [0.5, 0.6, 0.7, 0.8, 0.9, 0.95], (o, x) => o with { Rho = x, LearningRate = 0.003 * x }),
        ["rmsprop centered"] = Group(Base with { Optimizer = OptimizerKind.Rmsprop, Centered = true }, [0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
            (o, x) => o with { Rho = x, Epsilon = 1e-6 * x, LearningRate = 0.002 }),
        ["rmsprop momentum bias"] = Group(Base with { Optimizer = OptimizerKind.Rmsprop, UseBias = true }, [0.1, 0.3, 0.5, 0.7, 0.8, 0.9],
            (o, x) => o with { Momentum = x, LearningRate = 0.001 * (1 - x) }),
        ["rmsprop centered momentum torch"] = Group(Base with { Optimizer = OptimizerKind.Rmsprop, Centered = true, Semantics = OptimizerSemantics.Torch },
            [0.1, 0.3, 0.5, 0.7, 0.8, 0.9], (o, x) => o with { Momentum = x, Rho = 0.99, LearningRate = 0.001 * (1 - x) }),
        ["adagrad"] = Group(Base with { Optimizer = OptimizerKind.Adagrad }, [0.0, 0.01, 0.1, 0.5, 1.0, 2.0],
            (o, x) => o with { InitialAccumulatorValue = x, LearningRate = 0.01 + 0.01 * x }),
        ["adagrad torch bias"] = Group(Base with { Optimizer = OptimizerKind.Adagrad, Semantics = OptimizerSemantics.Torch, UseBias = true }, [0.0, 0.01, 0.1, 0.5, 1.0, 2.0],
            (o, x) => o with { InitialAccumulatorValue = x, Epsilon = 1e-10, LearningRate = 0.02 }),
    };

    public static TheoryData<string> GroupNames() => [.. Groups.Keys];

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void Should_Agree_On_Every_Engine_To_1e10(string name)
    {
        // Given six configurations of one update form, differing in its scalars
        var group = Groups[name];
        var batchedEngine = EngineResolver.Create(TrainingEngine.Batched);
        Assert.Single(batchedEngine.Groups(group));

        // When the batched engine trains them as one group, and the keras and fused engines one by one
        var batched = batchedEngine.Train(Problem, group);

        // Then every configuration's run is the same on the three engines, to 1e-10 relative (and from the same start)
        double worst = 0;
        for (int k = 0; k < group.Length; k++)
        {
            var keras = Run.Keras(Problem, group[k]);
            var fused = Run.Fused(Problem, group[k]);
            Assert.Equal(keras.InitialWeights, fused.InitialWeights);
            Assert.Equal(keras.InitialWeights, batched[k].InitialWeights);
            foreach (var (engine, run) in new[] { ("fused", fused), ("batched", batched[k]) })
            {
                var agreement = RunAgreement.Of(keras, run);
                Assert.True(agreement.Worst <= 1e-10, $"{name}, configuration {k}, {engine} vs keras: {agreement}");
                worst = Math.Max(worst, agreement.Worst);
            }
            Assert.True(RunAgreement.Of(fused, batched[k]).Worst <= 1e-10);
        }
        output.WriteLine($"{name}: worst relative difference between engines {worst:E1}");
    }

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void Should_Agree_Within_Float32_Rounding(string name)
    {
        // Given three configurations of the group in float32 (Keras' floatx)
        var group = Groups[name].Where((_, k) => k % 2 == 0).Select(o => o with { Precision = Precision.Float32 }).ToArray();

        // When the batched engine trains them together, and the keras and fused engines one by one
        var batched = Run.Batched(Problem, group);

        // Then every epoch's MSE agrees across engines to 1e-5 relative (float32 sums in other orders; measured ≤ 2e-7)
        double worst = 0;
        for (int k = 0; k < group.Length; k++)
        {
            var keras = Run.Keras(Problem, group[k]);
            foreach (var run in new[] { Run.Fused(Problem, group[k]), batched[k] })
            {
                Assert.Equal(keras.InitialWeights, run.InitialWeights);
                double difference = RunAgreement.Elementwise(keras.FullMse, run.FullMse);
                Assert.True(difference <= 1e-5, $"{name}, configuration {k}: {difference:E1}");
                worst = Math.Max(worst, difference);
            }
        }
        output.WriteLine($"{name} in float32: worst relative MSE difference between engines {worst:E1}");
    }

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void Should_Give_Each_Configuration_Of_A_Group_Its_Own_Run(string name)
    {
        // Given a group of six configurations that differ in their scalars
        var group = Groups[name];

        // When it trains as one batched group
        var batched = Run.Batched(Problem, group);

        // Then every configuration trained (none diverged) and no two followed the same trajectory
        Assert.All(batched, run => Assert.Equal(TrainingStop.Completed, run.Stop));
        for (int k = 1; k < group.Length; k++)
            Assert.True(RunAgreement.Elementwise(batched[k - 1].FullMse, batched[k].FullMse) > 1e-6, $"{name}: configurations {k - 1} and {k} ran alike");
    }

    [Fact]
    public void Should_Train_A_Mix_Of_Optimizers_In_One_Batched_Call_As_Each_Alone()
    {
        // Given one call with three configurations of each of four groups (interleaved), Keras and Torch semantics
        string[] names = ["adam", "rmsprop centered momentum torch", "sgd nesterov bias", "adagrad torch bias"];
        var mixed = Enumerable.Range(0, 3).SelectMany(k => names.Select(name => Groups[name][k])).ToArray();

        // When the batched engine trains them in one call
        var batched = Run.Batched(Problem, mixed);

        // Then it formed one group per update form, and each result is its configuration's solo run, in order
        Assert.Equal(4, EngineResolver.Create(TrainingEngine.Batched).Groups(mixed).Count);
        for (int k = 0; k < mixed.Length; k++)
        {
            Assert.Same(mixed[k], batched[k].Options);
            Assert.True(RunAgreement.Of(Run.Fused(Problem, mixed[k]), batched[k]).Worst <= 1e-10);
        }
    }

    private static TrainingOptions[] Group(TrainingOptions template, double[] values, Func<TrainingOptions, double, TrainingOptions> vary) =>
        [.. values.Select(x => vary(template, x))];
}
