using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Tests.Sweeps;

public class SweepGridTests
{
    [Fact]
    public void Should_Default_To_The_Question_Grid()
    {
        var configurations = new SweepGrid().Configurations();

        Assert.Equal(16, configurations.Count);
        Assert.Equal([1, 8, 32, 200], configurations.Select(c => c.BatchSize).Distinct());
        Assert.Equal([0.001, 0.003, 0.01, 0.013], configurations.Select(c => c.LearningRate).Distinct());
        Assert.All(configurations, c => Assert.Equal(Precision.Float32, c.Precision));
        Assert.Equal(Enumerable.Range(0, 16), configurations.Select(c => c.Index));
    }

    [Fact]
    public void Should_Give_Every_Configuration_A_Distinct_File_Safe_Key()
    {
        var grid = new SweepGrid { Momenta = [0, 0.9], Nesterov = true, Precisions = [Precision.Float32, Precision.Float64], Seeds = [0, 1], LearningRates = [1e-5, 0.01] };

        var keys = grid.Configurations().Select(c => c.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.True(k.IndexOfAny(Path.GetInvalidFileNameChars()) < 0, k));
        Assert.Contains("b1-lr1E-05-m0.9n-float64-s1", keys);
        Assert.Contains("b1-lr1E-05-m0-float64-s1", keys);   // Nesterov applies only where μ > 0
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(40)]
    public void Should_Split_The_Grid_Into_Shards_That_Cover_It_Once(int count)
    {
        var all = new SweepGrid().Configurations();

        var shards = Enumerable.Range(0, count).SelectMany(i => new SweepShard(i, count).Select(all)).ToList();

        Assert.Equal(all.Select(c => c.Key), shards.Select(c => c.Key));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Should_Reject_A_Malformed_Shard(string text)
    {
        var error = Assert.Throws<InvalidInputException>(() => SweepShard.Parse(text));
        Assert.Equal("Shard", error.Option);
        Assert.StartsWith("must be i/N", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Reject_Invalid_Settings_By_Name()
    {
        Assert.Equal(nameof(SweepGrid.LearningRates), Assert.Throws<InvalidInputException>(() => new SweepGrid { LearningRates = [0.01, -1] }.Validate()).Option);
        var twice = Assert.Throws<InvalidInputException>(() => new SweepGrid { BatchSizes = [8, 8] }.Validate());
        Assert.Equal((nameof(SweepGrid.BatchSizes), "lists 8 twice"), (twice.Option, twice.Problem));
        Assert.Equal(nameof(SweepGrid.Nesterov), Assert.Throws<InvalidInputException>(() => new SweepGrid { Nesterov = true }.Validate()).Option);
    }

    [Fact]
    public void Should_Give_Momenta_To_Sgd_And_Rmsprop_Only_And_Nesterov_To_Sgd_Only()
    {
        // Given a grid of the four optimizers with two momenta and Nesterov
        var grid = new SweepGrid
        {
            Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam, OptimizerKind.Rmsprop, OptimizerKind.Adagrad],
            BatchSizes = [8, 32], LearningRates = [0.001, 0.01], Momenta = [0, 0.9], Nesterov = true,
        };

        // When it is expanded
        var configurations = grid.Configurations();

        // Then per batch size: sgd and rmsprop run both momenta, adam and adagrad once at μ = 0; Nesterov only for sgd with μ > 0
        Assert.Equal(2 * (2 * 2 + 2 + 2 * 2 + 2), configurations.Count);
        Assert.Equal(Enumerable.Range(0, configurations.Count), configurations.Select(c => c.Index));
        Assert.All(configurations.Where(c => c.Optimizer is OptimizerKind.Adam or OptimizerKind.Adagrad), c => Assert.Equal(0, c.Momentum));
        Assert.Equal([0.0, 0.9], configurations.Where(c => c.Optimizer == OptimizerKind.Rmsprop).Select(c => c.Momentum).Distinct());
        Assert.Equal(configurations.Where(c => c.Optimizer == OptimizerKind.Sgd && c.Momentum > 0), configurations.Where(c => c.Nesterov));
        Assert.All(configurations, c => Assert.Equal(OptimizerSemantics.Keras, c.Semantics));
        var keys = configurations.Select(c => c.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(
            ["b8-lr0.001-m0-float32-s0", "b8-lr0.01-m0-float32-s0", "b8-lr0.001-m0.9n-float32-s0", "b8-lr0.01-m0.9n-float32-s0",
             "adam-b8-lr0.001-m0-float32-s0", "adam-b8-lr0.01-m0-float32-s0",
             "rmsprop-b8-lr0.001-m0-float32-s0", "rmsprop-b8-lr0.01-m0-float32-s0", "rmsprop-b8-lr0.001-m0.9-float32-s0", "rmsprop-b8-lr0.01-m0.9-float32-s0",
             "adagrad-b8-lr0.001-m0-float32-s0", "adagrad-b8-lr0.01-m0-float32-s0"],
            keys.Take(12));
    }

    [Fact]
    public void Should_Put_The_Configurations_Of_One_Update_Form_Next_To_Each_Other()
    {
        // Given a grid of the four optimizers over two batch sizes, two seeds and two momenta
        var grid = new SweepGrid
        {
            Optimizers = [OptimizerKind.Adagrad, OptimizerKind.Sgd, OptimizerKind.Rmsprop, OptimizerKind.Adam],
            BatchSizes = [1, 8], LearningRates = [0.001, 0.003, 0.01], Momenta = [0, 0.5], Seeds = [0, 1], Epochs = 3,
        };
        var configurations = grid.Configurations();

        // When the batched engine groups them
        var groups = EngineResolver.Create(TrainingEngine.Batched).Groups([.. configurations.Select(c => grid.OptionsFor(c, "cpu"))]);

        // Then each group is one contiguous run of the grid, in grid order, of one optimizer and one form
        Assert.Equal(2 * 2 * (1 + 2 + 2 + 1), groups.Count);
        Assert.Equal(Enumerable.Range(0, configurations.Count), groups.SelectMany(g => g));
        Assert.All(groups, g => Assert.Equal(Enumerable.Range(g[0], g.Count), g));
        Assert.All(groups, g => Assert.Equal(3, g.Count));
    }

    [Fact]
    public void Should_Keep_The_Keys_Description_And_Fingerprint_Of_A_Grid_Of_Sgd_With_Keras_Formulas()
    {
        // Given the default grid, the same with SGD and Keras' formulas named, and plain SGD under PyTorch's formulas (the same update)
        var defaults = new SweepGrid();
        var named = new SweepGrid { Optimizers = [OptimizerKind.Sgd], Semantics = OptimizerSemantics.Keras };
        var plainTorch = new SweepGrid { Semantics = OptimizerSemantics.Torch };

        // Then all three describe, fingerprint and key themselves as sweeps did before optimizers (existing directories resume)
        const string before = "batch sizes 1,8,32,200; learning rates 0.001,0.003,0.01,0.013; momenta 0; dtypes float32; init glorot; seeds 0; "
            + "epochs 10000; target 1.00e-10; shuffle true; divergence ×1.00e+08";
        Assert.Equal(before, defaults.Describe());
        Assert.All(new[] { named, plainTorch }, g => Assert.Equal(defaults.Fingerprint(), g.Fingerprint()));
        Assert.Equal(defaults.Configurations().Select(c => c.Key), plainTorch.Configurations().Select(c => c.Key));
        Assert.Equal("b1-lr0.001-m0-float32-s0", defaults.Configurations()[0].Key);

        // And where the optimizers or PyTorch's formulas matter, they are named
        var torchMomentum = new SweepGrid { Momenta = [0, 0.9], Semantics = OptimizerSemantics.Torch, BatchSizes = [1] };
        Assert.StartsWith("semantics torch; batch sizes 1;", torchMomentum.Describe(), StringComparison.Ordinal);
        Assert.Equal(["b1-lr0.001-m0-float32-s0", "torch-b1-lr0.001-m0.9-float32-s0"], torchMomentum.Configurations().Where(c => c.LearningRate == 0.001).Select(c => c.Key));
        var adam = new SweepGrid { Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam], Semantics = OptimizerSemantics.Torch };
        Assert.StartsWith("optimizers sgd,adam; semantics torch; batch sizes", adam.Describe(), StringComparison.Ordinal);
        Assert.Contains("adam-torch-b32-lr0.01-m0-float32-s0", adam.Configurations().Select(c => c.Key));
        Assert.NotEqual(new SweepGrid { Optimizers = [OptimizerKind.Adam, OptimizerKind.Sgd] }.Fingerprint(), new SweepGrid { Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam] }.Fingerprint());
    }

    [Fact]
    public void Should_Reject_Optimizer_Settings_No_Configuration_Would_Use()
    {
        // Given grids whose optimizers or their settings cannot be used
        static InvalidInputException Refused(SweepGrid grid) => Assert.Throws<InvalidInputException>(grid.Validate);

        // Then each is refused naming the grid property, without any command-line flag
        var momentum = Refused(new SweepGrid { Optimizers = [OptimizerKind.Adam, OptimizerKind.Adagrad], Momenta = [0, 0.9] });
        Assert.Equal((nameof(SweepGrid.Momenta), "applies to sgd and rmsprop only, and the grid has only adam,adagrad"), (momentum.Option, momentum.Problem));
        var nesterov = Refused(new SweepGrid { Optimizers = [OptimizerKind.Rmsprop], Momenta = [0.9], Nesterov = true });
        Assert.Equal((nameof(SweepGrid.Nesterov), "applies to sgd only, and the grid has only rmsprop"), (nesterov.Option, nesterov.Problem));
        Assert.Equal(nameof(SweepGrid.Optimizers), Refused(new SweepGrid { Optimizers = [] }).Option);
        var twice = Refused(new SweepGrid { Optimizers = [OptimizerKind.Adam, OptimizerKind.Adam] });
        Assert.Equal((nameof(SweepGrid.Optimizers), "lists adam twice"), (twice.Option, twice.Problem));
        Assert.Equal(nameof(SweepGrid.Optimizers), Refused(new SweepGrid { Optimizers = [(OptimizerKind)9] }).Option);
        Assert.Equal(nameof(SweepGrid.Semantics), Refused(new SweepGrid { Semantics = (OptimizerSemantics)9 }).Option);
        Assert.All(new[] { momentum, nesterov }, e => Assert.DoesNotContain("--", e.Message, StringComparison.Ordinal));
    }
}
