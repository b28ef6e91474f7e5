using TorchFit.Problems;
using TorchFit.Training;
using TorchFit.Training.Batched;

namespace TorchFit.Tests.Training;

public class BatchedEngineTests
{
    private static readonly TrainingOptions Base = new()
    {
        BatchSize = 7, Epochs = 30, Precision = Precision.Float64, Device = "cpu", Seed = 5, Engine = TrainingEngine.Fused,
    };

    /// <summary>Learning rates, momenta and Nesterov mixed in one group; 11 columns so Kp has padding.</summary>
    private static TrainingOptions[] MixedGroup() =>
    [
        Base with { LearningRate = 0.001 },
        Base with { LearningRate = 0.003 },
        Base with { LearningRate = 0.01 },
        Base with { LearningRate = 0.005, Momentum = 0.9 },
        Base with { LearningRate = 0.005, Momentum = 0.9, Nesterov = true },
        Base with { LearningRate = 0.002, Momentum = 0.5 },
        Base with { LearningRate = 0.002, Momentum = 0.5, Nesterov = true },
        Base with { LearningRate = 0.02 },
        Base with { LearningRate = 0.0005, Momentum = 0.99 },
        Base with { LearningRate = 0.007 },
        Base with { LearningRate = 0.004, Momentum = 0.3, Nesterov = true },
    ];

    [Fact]
    public void Should_Equal_Solo_Runs_Per_Epoch_In_Float64()
    {
        // Given a group mixing learning rates, momentum and Nesterov, with partial last batches (60 rows at 7)
        var problem = ProblemGenerator.Uniform(60, 40, 2);
        var group = MixedGroup();

        // When the group trains at once and each configuration trains alone
        var batched = Run.Batched(problem, group);

        // Then every column follows its solo run: per-epoch MSE, History and final weights to 1e-10 relative
        for (int k = 0; k < group.Length; k++)
        {
            var solo = Run.Fused(problem, group[k]);
            Assert.Equal(solo.Stop, batched[k].Stop);
            Assert.Equal(solo.EpochsCompleted, batched[k].EpochsCompleted);
            Assert.Equal(solo.InitialWeights, batched[k].InitialWeights);
            for (int e = 0; e < solo.EpochsCompleted; e++)
            {
                Assert.Equal(solo.FullMse[e], batched[k].FullMse[e], solo.FullMse[e] * 1e-10);
                Assert.Equal(solo.HistoryLoss[e], batched[k].HistoryLoss[e], solo.HistoryLoss[e] * 1e-10);
            }
            for (int j = 0; j < problem.Columns; j++)
                Assert.Equal(solo.Weights[j], batched[k].Weights[j], 1e-10 * Math.Max(1, Math.Abs(solo.Weights[j])));
        }
    }

    [Fact]
    public void Should_Equal_Solo_Runs_Within_Float32_Rounding()
    {
        var problem = ProblemGenerator.Uniform(200, 300, 0);
        var group = new[] { 0.001, 0.003, 0.01, 0.013 }
            .Select(lr => new TrainingOptions { LearningRate = lr, BatchSize = 32, Epochs = 40, Device = "cpu" }).ToArray();

        var batched = Run.Batched(problem, group);

        for (int k = 0; k < group.Length; k++)
        {
            var solo = Run.Fused(problem, group[k]);
            for (int e = 0; e < 40; e++) Assert.Equal(solo.FullMse[e], batched[k].FullMse[e], solo.FullMse[e] * 1e-3);
        }
    }

    [Fact]
    public void Should_Stop_A_Diverging_Column_At_The_Solo_Epoch_And_Keep_The_Others_Running()
    {
        // Given one stable and one far-too-large learning rate (full batch)
        var problem = ProblemGenerator.Uniform(50, 80, 1);
        var stable = Base with { BatchSize = 50, LearningRate = 0.01, Epochs = 200 };
        var unstable = stable with { LearningRate = 0.2 };

        var batched = Run.Batched(problem, [stable, unstable]);
        var soloUnstable = Run.Fused(problem, unstable);

        Assert.Equal(TrainingStop.Diverged, batched[1].Stop);
        Assert.Equal(soloUnstable.DivergedAtEpoch, batched[1].DivergedAtEpoch);
        Assert.Equal(TrainingStop.Completed, batched[0].Stop);
        Assert.Equal(200, batched[0].EpochsCompleted);
    }

    [Fact]
    public void Should_Stop_Each_Column_At_Its_Own_Target()
    {
        var problem = ProblemGenerator.Uniform(40, 60, 3);
        var slow = Base with { BatchSize = 8, LearningRate = 0.002, Epochs = 500, StopAtMse = 0.05 };
        var fast = slow with { LearningRate = 0.01 };

        var batched = Run.Batched(problem, [slow, fast]);

        Assert.All(batched, r => Assert.Equal(TrainingStop.ReachedTarget, r.Stop));
        Assert.Equal(Run.Fused(problem, fast).EpochsCompleted, batched[1].EpochsCompleted);
        Assert.Equal(Run.Fused(problem, slow).EpochsCompleted, batched[0].EpochsCompleted);
        Assert.True(batched[1].EpochsCompleted < batched[0].EpochsCompleted);
    }

    [Fact]
    public void Should_Train_Configurations_That_Cannot_Share_Batches_In_Groups_Of_Their_Own()
    {
        // Given configurations that differ in batch size, and in plain vs heavy ball vs Nesterov
        var problem = ProblemGenerator.Uniform(30, 12, 0);
        TrainingOptions[] mixed = [Base, Base with { BatchSize = 8 }, Base with { Momentum = 0.5 }, Base with { Momentum = 0.5, Nesterov = true }];
        var engine = EngineResolver.Create(TrainingEngine.Batched);

        // When the batched engine groups and trains them
        var groups = engine.Groups(mixed);
        var results = engine.Train(problem, mixed);

        // Then each runs alone (plain, heavy ball and Nesterov are three update forms; batch 8 another pass), and every result is its solo run's
        Assert.Equal([[0], [1], [2], [3]], groups.Select(g => g.ToArray()).ToArray());
        for (int k = 0; k < mixed.Length; k++)
            Assert.Equal(Run.Fused(problem, mixed[k]).FinalMse, results[k].FinalMse, results[k].FinalMse * 1e-10);
    }

    [Fact]
    public void Should_Record_Cancellation_For_Every_Column()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var results = Run.Batched(ProblemGenerator.Uniform(10, 5, 0), MixedGroup(), cancellationToken: cancelled.Token);
        Assert.All(results, r => Assert.Equal(TrainingStop.Cancelled, r.Stop));
        Assert.All(results, r => Assert.Equal(0, r.EpochsCompleted));
    }

    [Fact]
    public void Should_Not_Leave_Live_Tensors_Behind()
    {
        var problem = ProblemGenerator.Uniform(20, 10, 0);
        Run.Batched(problem, MixedGroup());
        long before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        Run.Batched(problem, MixedGroup().Select(o => o with { BatchSize = 2, Epochs = 1_000 }).ToArray());   // 10,000 steps

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}

/// <summary>The torch-ops form of the fused and batched engines (what CUDA runs), checked on the CPU.</summary>
public class TensorColumnTrainerTests
{
    [Fact]
    public void Should_Equal_The_Managed_Batched_Engine_Per_Epoch_In_Float64()
    {
        var problem = ProblemGenerator.Uniform(60, 40, 2);
        var options = new TrainingOptions { BatchSize = 7, Epochs = 30, Precision = Precision.Float64, Device = "cpu", Seed = 5 };
        TrainingOptions[] group =
        [
            options with { LearningRate = 0.001 },
            options with { LearningRate = 0.01 },
            options with { LearningRate = 0.005, Momentum = 0.9 },
            options with { LearningRate = 0.005, Momentum = 0.9, Nesterov = true },
            options with { LearningRate = 0.3 },   // diverges: stops mid-run
            options with { Optimizer = OptimizerKind.Adam, LearningRate = 0.01 },
            options with { Optimizer = OptimizerKind.Adam, LearningRate = 0.02, Beta1 = 0.8, Amsgrad = true, UseBias = true },
            options with { Optimizer = OptimizerKind.Adam, LearningRate = 0.01, Semantics = OptimizerSemantics.Torch },
            options with { Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.005, Momentum = 0.5, Centered = true },
            options with { Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.005, Semantics = OptimizerSemantics.Torch, Centered = true, Momentum = 0.3 },
            options with { Optimizer = OptimizerKind.Adagrad, LearningRate = 0.05 },
            options with { Optimizer = OptimizerKind.Adagrad, LearningRate = 0.05, Semantics = OptimizerSemantics.Torch, InitialAccumulatorValue = 0.2 },
        ];

        var managed = Run.Batched(problem, group);
        var tensors = new TrainingResult[group.Length];
        foreach (var members in EngineResolver.Create(TrainingEngine.Batched).Groups(group))   // one torch-ops run per group, as on CUDA
        {
            var trained = TensorColumnTrainer.Train(problem, [.. members.Select(k => group[k])], TorchSharp.torch.CPU, null, default);
            for (int i = 0; i < members.Count; i++) tensors[members[i]] = trained[i];
        }

        for (int k = 0; k < group.Length; k++)
        {
            Assert.Equal(managed[k].Stop, tensors[k].Stop);
            Assert.Equal(managed[k].EpochsCompleted, tensors[k].EpochsCompleted);
            Assert.Equal(managed[k].Bias is null, tensors[k].Bias is null);
            for (int e = 0; e < managed[k].EpochsCompleted; e++)
            {
                if (!double.IsFinite(managed[k].FullMse[e])) continue;
                Assert.Equal(managed[k].FullMse[e], tensors[k].FullMse[e], managed[k].FullMse[e] * 1e-10);
                Assert.Equal(managed[k].HistoryLoss[e], tensors[k].HistoryLoss[e], managed[k].HistoryLoss[e] * 1e-10);
            }
        }
        Assert.Equal(TrainingStop.Diverged, tensors[4].Stop);
    }

    [Fact]
    public void Should_Follow_The_Managed_Kernels_Within_Float32_Rounding_For_Every_Optimizer()
    {
        // Given float32 groups of Keras' Adam, RMSprop and Adagrad (their scalars computed in float32 on both sides)
        var problem = ProblemGenerator.Uniform(60, 40, 2);
        var options = new TrainingOptions { BatchSize = 7, Epochs = 30, Device = "cpu", Seed = 5 };
        TrainingOptions[] group =
        [
            options with { Optimizer = OptimizerKind.Adam, LearningRate = 0.01 },
            options with { Optimizer = OptimizerKind.Adam, LearningRate = 0.003, Amsgrad = true },
            options with { Optimizer = OptimizerKind.Rmsprop, LearningRate = 0.001, Centered = true },
            options with { Optimizer = OptimizerKind.Adagrad, LearningRate = 0.05 },
        ];

        // When each trains in torch ops and on the managed kernels
        var managed = Run.Batched(problem, group);
        var tensors = group.Select(o => TensorColumnTrainer.Train(problem, [o], TorchSharp.torch.CPU, null, default)[0]).ToArray();

        // Then every epoch's MSE agrees within float32 rounding (the sums run in another order)
        for (int k = 0; k < group.Length; k++)
            for (int e = 0; e < 30; e++)
                Assert.Equal(managed[k].FullMse[e], tensors[k].FullMse[e], managed[k].FullMse[e] * 1e-4);
    }

    [Fact]
    public void Should_Equal_The_Fused_Engine_From_Given_Initial_Weights()
    {
        var problem = ProblemGenerator.Uniform(50, 30, 4);
        var start = Enumerable.Range(0, 30).Select(j => 0.01 * j).ToArray();
        var options = new TrainingOptions { BatchSize = 16, Epochs = 25, Precision = Precision.Float64, Device = "cpu", Momentum = 0.5, InitialWeights = start };

        var fused = Run.Fused(problem, options);
        var tensors = TensorColumnTrainer.Train(problem, [options], TorchSharp.torch.CPU, null, default)[0];

        Assert.Equal(start, tensors.InitialWeights);
        for (int e = 0; e < 25; e++) Assert.Equal(fused.FullMse[e], tensors.FullMse[e], fused.FullMse[e] * 1e-10);
    }

    [Fact]
    public void Should_Not_Leave_Live_Tensors_Behind()
    {
        var problem = ProblemGenerator.Uniform(20, 10, 0);
        var options = new TrainingOptions { BatchSize = 2, Epochs = 5, Device = "cpu" };
        TensorColumnTrainer.Train(problem, [options, options with { LearningRate = 0.002 }], TorchSharp.torch.CPU, null, default);
        long before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        TensorColumnTrainer.Train(problem, [options with { Epochs = 1_000, Momentum = 0.9 }, options with { Epochs = 1_000, LearningRate = 0.002, Momentum = 0.5 }],
            TorchSharp.torch.CPU, null, default);   // 10,000 steps

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
