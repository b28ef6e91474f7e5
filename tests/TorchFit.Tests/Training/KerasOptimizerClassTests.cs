using TorchFit.Keras;
using TorchFit.Problems;
using TorchFit.Training;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace TorchFit.Tests.Training;

/// <summary>
/// The public <c>TorchFit.Keras</c> optimizers work in any TorchSharp program: a plain training loop
/// (<see cref="TorchSharpLoop"/>) with <c>new KerasAdam(model.parameters(), …)</c> and the like follows Keras'
/// equations (<see cref="KerasReference"/>), and frees what it allocates.
/// </summary>
public class KerasOptimizerClassTests(ITestOutputHelper output)
{
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(30, 12, 4);

    /// <summary>The class of each optimizer, built from the values as a user would write them.</summary>
    private static KerasOptimizer Create(IEnumerable<Parameter> parameters, TrainingOptions o) => o.Optimizer switch
    {
        OptimizerKind.Sgd => new KerasSgd(parameters, o.LearningRate, momentum: o.Momentum, nesterov: o.Nesterov),
        OptimizerKind.Adam => new KerasAdam(parameters, o.LearningRate, beta1: o.Beta1, beta2: o.Beta2, epsilon: o.Epsilon, amsgrad: o.Amsgrad),
        OptimizerKind.Rmsprop => new KerasRmsprop(parameters, o.LearningRate, rho: o.Rho, momentum: o.Momentum, epsilon: o.Epsilon, centered: o.Centered),
        OptimizerKind.Adagrad => new KerasAdagrad(parameters, o.LearningRate, initialAccumulatorValue: o.InitialAccumulatorValue, epsilon: o.Epsilon),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Optimizer, "no Keras class"),
    };

    public static TheoryData<string> CaseNames() => [.. OptimizerEquationTests.Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Should_Follow_Keras_Equations_In_A_Plain_TorchSharp_Loop(string name)
    {
        // Given a float64 nn.Sequential(nn.Linear) (with a bias in some cases), and Keras' equations replayed
        var options = OptimizerEquationTests.Cases[name];
        var keras = KerasReference.Fit(Problem, options);

        // When a plain loop steps the Keras class over the same 125 batches, counting its iterations
        long iterations = 0;
        var loop = TorchSharpLoop.Fit(Problem, options, Create, (optimizer, step) =>
        {
            iterations = ((KerasOptimizer)optimizer).Iterations;
            Assert.Equal(step, iterations);
        });

        // Then it follows the replay to 1e-12 relative, with one Keras iteration per step (kernel and bias together)
        var agreement = RunAgreement.Of(keras, loop);
        output.WriteLine($"{name}: {agreement}");
        Assert.True(agreement.Worst <= 1e-12, $"{name}: {agreement}");
        Assert.Equal(options.Epochs * 5, iterations);
    }

    [Theory]
    [InlineData("sgd nesterov bias")]
    [InlineData("adam amsgrad bias betas")]
    [InlineData("rmsprop centered momentum bias shuffled")]
    [InlineData("adagrad bias")]
    public void Should_Take_A_Learning_Rate_Changed_Between_Steps(string name)
    {
        // Given a schedule that drops the learning rate to a third after step 60, as a scheduler would set it
        var options = OptimizerEquationTests.Cases[name];
        double Rate(long step) => step <= 60 ? options.LearningRate : options.LearningRate / 3;
        var keras = KerasReference.Fit(Problem, options, Rate);

        // When a plain loop sets the group's learning rate after each step
        var loop = TorchSharpLoop.Fit(Problem, options, Create, (optimizer, step) =>
        {
            foreach (var group in optimizer.ParamGroups) group.LearningRate = Rate(step + 1);
        });

        // Then every step used the rate of its step, as in Keras (and unlike a run at the first rate throughout)
        var agreement = RunAgreement.Of(keras, loop);
        output.WriteLine($"{name} with a schedule: {agreement}");
        Assert.True(agreement.Worst <= 1e-12, $"{name}: {agreement}");
        Assert.True(RunAgreement.Of(KerasReference.Fit(Problem, options), loop).FullMse > 1e-6);
    }

    [Theory]
    [InlineData(OptimizerKind.Sgd)]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Rmsprop)]
    [InlineData(OptimizerKind.Adagrad)]
    public void Should_Train_Float32_Parameters_In_Float32(OptimizerKind kind)
    {
        // Given a float32 Linear(12, 1) with a bias, and the float64 replay of the same optimizer
        var options = OptimizerEquationTests.Cases.Values.First(o => o.Optimizer == kind && (kind != OptimizerKind.Sgd || o.Momentum > 0));
        options = options with { UseBias = true, Shuffle = false };
        var keras = KerasReference.Fit(Problem, options);

        // When the Keras class trains it in a plain loop over the same consecutive batches of 7 rows
        using var scope = NewDisposeScope();
        using var model = nn.Linear(12, 1, hasBias: true, dtype: ScalarType.Float32);
        using (no_grad()) model.weight!.copy_(tensor(options.InitialWeights!.ToArray(), [1, 12], ScalarType.Float64).to(ScalarType.Float32));
        using (no_grad()) model.bias!.zero_();
        using var optimizer = Create(model.parameters(), options);
        var a = tensor(Problem.Matrix.ToArray(), [30, 12], ScalarType.Float64).to(ScalarType.Float32);
        var b = tensor(Problem.Target.ToArray(), [30, 1], ScalarType.Float64).to(ScalarType.Float32);
        for (int epoch = 0; epoch < options.Epochs; epoch++)
            for (int start = 0; start < 30; start += options.BatchSize)
            {
                using var step = NewDisposeScope();
                int size = Math.Min(options.BatchSize, 30 - start);
                optimizer.zero_grad();
                nn.functional.mse_loss(model.forward(a.narrow(0, start, size)), b.narrow(0, start, size)).backward();
                optimizer.step();
            }

        // Then its parameters stay float32 and end within float32 rounding of the float64 replay
        Assert.Equal(ScalarType.Float32, model.weight!.dtype);
        double[] weights = [.. model.weight.to(ScalarType.Float64).data<double>().ToArray(), model.bias!.to(ScalarType.Float64).item<double>()];
        double difference = RunAgreement.Normwise([.. keras.FinalWeights, keras.FinalBias!.Value], weights);
        output.WriteLine($"{kind} float32 vs float64 replay: {difference:E1}");
        Assert.True(difference < 1e-4, $"{kind}: {difference:E1}");
    }

    [Fact]
    public void Should_Not_Leave_Live_Tensors_Behind()
    {
        // Given the live-tensor count of this thread after a warm-up run of every class
        foreach (var name in OptimizerEquationTests.Cases.Keys) TrainAll(name, epochs: 1);
        long before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        // When each Keras class is created, steps 125 times (every option, bias or not) and is disposed with its model
        foreach (var name in OptimizerEquationTests.Cases.Keys) TrainAll(name, epochs: 25);

        // Then no tensor is left alive
        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Should_Refuse_Values_Out_Of_Range_With_The_Property_Named()
    {
        // Given a parameter to optimize
        using var model = nn.Linear(3, 1);

        // When a Keras class gets a value out of its range, Then it says which one
        Assert.Equal(nameof(TrainingOptions.Beta1), Assert.Throws<InvalidInputException>(() => new KerasAdam(model.parameters(), beta1: 1)).Option);
        Assert.Equal(nameof(TrainingOptions.Rho), Assert.Throws<InvalidInputException>(() => new KerasRmsprop(model.parameters(), rho: -0.1)).Option);
        Assert.Equal(nameof(TrainingOptions.LearningRate), Assert.Throws<InvalidInputException>(() => new KerasAdagrad(model.parameters(), learningRate: 0)).Option);
        Assert.Equal(nameof(TrainingOptions.Nesterov), Assert.Throws<InvalidInputException>(() => new KerasSgd(model.parameters(), nesterov: true)).Option);
    }

    private static void TrainAll(string name, int epochs) =>
        TorchSharpLoop.Fit(Problem, OptimizerEquationTests.Cases[name] with { Epochs = epochs }, Create);
}
