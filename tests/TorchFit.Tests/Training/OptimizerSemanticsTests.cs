using TorchFit.Problems;
using TorchFit.Training;
using Xunit.Abstractions;

namespace TorchFit.Tests.Training;

/// <summary>
/// <see cref="OptimizerSemantics.Torch"/> computes <c>torch.optim</c>'s formulas (a plain TorchSharp loop,
/// <see cref="TorchSharpLoop"/>, is the reference), <see cref="OptimizerSemantics.Keras"/> Keras' formulas, and the
/// two are measurably different for Adam and the same for plain SGD.
/// </summary>
public class OptimizerSemanticsTests(ITestOutputHelper output)
{
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(30, 12, 4);

    private static readonly TrainingEngine[] Engines = [TrainingEngine.Keras, TrainingEngine.Fused, TrainingEngine.Batched];

    /// <summary>The cases of <see cref="OptimizerEquationTests"/> whose formulas differ between the libraries (all but plain SGD).</summary>
    public static TheoryData<string, TrainingEngine> TorchCasesOnEngines()
    {
        var data = new TheoryData<string, TrainingEngine>();
        foreach (var (name, options) in OptimizerEquationTests.Cases)
            if (options.Optimizer != OptimizerKind.Sgd || options.Momentum > 0)
                foreach (var engine in Engines) data.Add(name, engine);
        return data;
    }

    [Theory]
    [MemberData(nameof(TorchCasesOnEngines))]
    public void Should_Equal_A_Plain_Torch_Optim_Loop_Under_Torch_Semantics(string name, TrainingEngine engine)
    {
        // Given a configuration under Torch semantics, and torch.optim's class stepped by hand over the same batches
        var options = OptimizerEquationTests.Cases[name] with { Semantics = OptimizerSemantics.Torch };
        var torchOptim = TorchSharpLoop.Fit(Problem, options, TorchSharpLoop.TorchOptim);

        // When the engine trains it
        var run = Run.On(engine, Problem, options);

        // Then every epoch's MSE and History, and the final kernel and bias, equal torch.optim's to 1e-12 relative
        var agreement = RunAgreement.Of(torchOptim, run);
        output.WriteLine($"{name} on {engine}: {agreement}");
        Assert.True(agreement.Worst <= 1e-12, $"{name} on {engine}: {agreement}");
    }

    [Theory]
    [InlineData(TrainingEngine.Keras)]
    [InlineData(TrainingEngine.Fused)]
    [InlineData(TrainingEngine.Batched)]
    public void Should_Put_Adams_Epsilon_Where_Each_Library_Puts_It(TrainingEngine engine)
    {
        // Given one full-batch Adam step from w₀ with an ε comparable to the gradient
        var options = OptimizerEquationTests.Base with
        {
            Optimizer = OptimizerKind.Adam, LearningRate = 0.01, Epsilon = 0.5, BatchSize = Problem.Rows, Epochs = 1,
        };
        var w0 = options.InitialWeights!.ToArray();
        var g = Gradient(Problem, w0);

        // When it runs under each semantics
        var keras = Run.On(engine, Problem, options);
        var torch = Run.On(engine, Problem, options with { Semantics = OptimizerSemantics.Torch });

        // Then Keras adds ε to the uncorrected √v: after m = (1 − β₁)g, v = (1 − β₂)g², α = η·√(1 − β₂)/(1 − β₁),
        // the step is α·m/(√v + ε) = η·g/(|g| + ε/√(1 − β₂)); torch.optim adds it to √v̂ = |g|: η·g/(|g| + ε)
        double kerasEpsilon = options.Epsilon / Math.Sqrt(1 - options.Beta2);
        for (int j = 0; j < w0.Length; j++)
        {
            double kerasStep = options.LearningRate * g[j] / (Math.Abs(g[j]) + kerasEpsilon);
            double torchStep = options.LearningRate * g[j] / (Math.Abs(g[j]) + options.Epsilon);
            Assert.Equal(w0[j] - kerasStep, keras.Weights[j], 1e-14);
            Assert.Equal(w0[j] - torchStep, torch.Weights[j], 1e-14);
            // …and the two steps differ by more than a factor of 5 (here |g| ≪ ε/√(1 − β₂) ≈ 15.8)
            Assert.True(Math.Abs(torchStep) > 5 * Math.Abs(kerasStep), $"weight {j}: Keras step {kerasStep:E3}, Torch step {torchStep:E3}");
        }
    }

    public static TheoryData<OptimizerKind, TrainingEngine> AdaptiveOptimizersOnEngines()
    {
        var data = new TheoryData<OptimizerKind, TrainingEngine>();
        foreach (var optimizer in new[] { OptimizerKind.Adam, OptimizerKind.Rmsprop, OptimizerKind.Adagrad })
            foreach (var engine in Engines) data.Add(optimizer, engine);
        return data;
    }

    [Theory]
    [MemberData(nameof(AdaptiveOptimizersOnEngines))]
    public void Should_Differ_Measurably_At_Keras_Defaults(OptimizerKind optimizer, TrainingEngine engine)
    {
        // Given Adam, RMSprop or Adagrad with Keras' defaults (η = 0.001, ε = 1e-7, …) on the 30×12 problem, 125 float64 steps
        var options = OptimizerEquationTests.Base with { Optimizer = optimizer };
        var torchOptions = options with { Semantics = OptimizerSemantics.Torch };

        // When it runs under each semantics
        var keras = Run.On(engine, Problem, options);
        var torch = Run.On(engine, Problem, torchOptions);

        // Then each follows its own library (1e-12) and the two differ by 100 times that at least: ε sits elsewhere
        // (measured: Adam 1e-7, RMSprop 1e-7, Adagrad 2e-9 in the parameters, where √acc ≥ 0.3 ≫ ε)
        Assert.True(RunAgreement.Of(KerasReference.Fit(Problem, options), keras).Worst <= 1e-12);
        Assert.True(RunAgreement.Of(TorchSharpLoop.Fit(Problem, torchOptions, TorchSharpLoop.TorchOptim), torch).Worst <= 1e-12);
        var difference = RunAgreement.Of(keras, torch);
        output.WriteLine($"{optimizer} Keras vs Torch on {engine}: {difference}");
        Assert.True(difference.FullMse > 1e-10, $"Keras and Torch {optimizer} on {engine}: {difference}");
        Assert.True(difference.Parameters > 1e-10, $"Keras and Torch {optimizer} on {engine}: {difference}");
    }

    [Theory]
    [InlineData(TrainingEngine.Keras, false)]
    [InlineData(TrainingEngine.Fused, false)]
    [InlineData(TrainingEngine.Batched, false)]
    [InlineData(TrainingEngine.Keras, true)]
    [InlineData(TrainingEngine.Fused, true)]
    [InlineData(TrainingEngine.Batched, true)]
    public void Should_Be_The_Same_Run_For_Plain_Sgd(TrainingEngine engine, bool useBias)
    {
        // Given plain SGD (no momentum), with and without a bias, shuffled
        var options = OptimizerEquationTests.Base with { LearningRate = 0.02, UseBias = useBias, Shuffle = true, Seed = 3 };

        // When it runs under each semantics
        var keras = Run.On(engine, Problem, options);
        var torch = Run.On(engine, Problem, options with { Semantics = OptimizerSemantics.Torch });

        // Then the runs are identical, bit for bit: w ← w − η·g in both libraries
        Assert.Equal(keras.FullMse, torch.FullMse);
        Assert.Equal(keras.HistoryLoss, torch.HistoryLoss);
        Assert.Equal(keras.Weights, torch.Weights);
        Assert.Equal(keras.Bias, torch.Bias);
    }

    [Theory]
    [InlineData(TrainingEngine.Keras, false)]
    [InlineData(TrainingEngine.Fused, true)]
    [InlineData(TrainingEngine.Batched, true)]
    public void Should_Differ_Only_By_Rounding_For_Sgd_Momentum(TrainingEngine engine, bool nesterov)
    {
        // Given SGD with momentum: Keras keeps m = −η·buf where torch.optim keeps buf
        var options = OptimizerEquationTests.Base with { LearningRate = 0.01, Momentum = 0.9, Nesterov = nesterov };

        // When it runs under each semantics
        var keras = Run.On(engine, Problem, options);
        var torch = Run.On(engine, Problem, options with { Semantics = OptimizerSemantics.Torch });

        // Then the runs agree to rounding (equal in exact arithmetic)
        var difference = RunAgreement.Of(keras, torch);
        output.WriteLine($"SGD momentum (Nesterov {nesterov}) Keras vs Torch on {engine}: {difference}");
        Assert.True(difference.Worst <= 1e-12, difference.ToString());
    }

    /// <summary>(2/n)·Aᵀ(A·w − b) over all rows.</summary>
    private static double[] Gradient(LinearProblem problem, double[] w)
    {
        int n = problem.Rows, d = problem.Columns;
        var a = problem.Matrix;
        var b = problem.Target;
        var g = new double[d];
        for (int i = 0; i < n; i++)
        {
            double r = -b[i];
            for (int j = 0; j < d; j++) r += a[i * d + j] * w[j];
            for (int j = 0; j < d; j++) g[j] += 2.0 / n * r * a[i * d + j];
        }
        return g;
    }
}
