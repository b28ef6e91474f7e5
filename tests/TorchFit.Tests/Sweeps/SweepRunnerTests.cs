using TorchFit.Problems;
using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Tests.Sweeps;

public sealed class SweepRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-sweep-");
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(40, 60, 0);

    /// <summary>3 batch sizes × 3 learning rates, one of them far above the stability limit.</summary>
    private static readonly SweepGrid Small = new() { BatchSizes = [1, 8, 40], LearningRates = [0.001, 0.01, 0.5], Epochs = 30, Target = 1e-2 };

    public void Dispose() => _temp.Dispose();

    private string Dir(string name) => _temp.Combine(name);

    [Fact]
    public void Should_Write_One_Row_And_One_History_Per_Configuration()
    {
        var outcome = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("a"), Device = "cpu" });

        Assert.True(outcome.Complete);
        Assert.Equal(9, outcome.Rows.Count);
        var store = new SweepStore(Dir("a"));
        Assert.Equal(outcome.Rows.Select(r => r.Key), store.ReadRows().Select(r => r.Key));
        Assert.Equal(10, File.ReadAllLines(store.ResultsCsvPath).Length);
        Assert.All(outcome.Rows, r => Assert.Equal(r.EpochsRun, store.ReadHistoryMse(r.History).Length));
        Assert.NotNull(store.ReadManifest()!.FinishedAt);
        Assert.All(outcome.Rows, r => Assert.Equal(3, r.TrainedWith));   // batched by batch size
    }

    [Fact]
    public void Should_Record_Divergence_With_Its_Epoch_Beside_The_Stability_Limit()
    {
        var outcome = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("a"), Device = "cpu" });

        var diverged = outcome.Rows.Where(r => r.LearningRate == 0.5).ToList();
        Assert.All(diverged, r => Assert.Equal("diverged", r.Stop));
        Assert.All(diverged, r => Assert.Equal(r.EpochsRun, r.DivergedAtEpoch));
        Assert.All(outcome.Rows, r => Assert.True(r.FullBatchStabilityLimit is > 0.001 and < 0.5));
        Assert.All(outcome.Rows.Where(r => r.LearningRate == 0.001), r => Assert.Equal("completed", r.Stop));
    }

    [Fact]
    public void Should_Agree_With_Configurations_Run_One_At_A_Time()
    {
        var batched = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("batched"), Device = "cpu", Engine = TrainingEngine.Batched });
        var solo = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("solo"), Device = "cpu", Engine = TrainingEngine.Fused });

        foreach (var (b, s) in batched.Rows.Zip(solo.Rows))
        {
            Assert.Equal(s.Key, b.Key);
            Assert.Equal(s.Stop, b.Stop);
            Assert.Equal(s.EpochsRun, b.EpochsRun);
            if (s.Stop != "diverged") Assert.Equal(s.FinalMse, b.FinalMse, s.FinalMse * 1e-3);
            Assert.Equal(1, s.TrainedWith);
        }
    }

    [Fact]
    public void Should_Resume_An_Interrupted_Sweep_With_Every_Row_Once()
    {
        // Given a sweep cancelled once its first run (3 configurations) has finished
        using var cancel = new CancellationTokenSource();
        var progress = new Callback(p => { if (p.Finished >= 3) cancel.Cancel(); });
        var first = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("a"), Device = "cpu" }, progress, cancel.Token);
        Assert.True(first.Cancelled);
        Assert.Equal(3, new SweepStore(Dir("a")).ReadRows().Count);
        Assert.Null(new SweepStore(Dir("a")).ReadManifest()!.FinishedAt);

        // When the same sweep runs again into the same directory
        var second = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("a"), Device = "cpu" });

        // Then it skips the finished ones, completes the grid, and every row is there once
        Assert.Equal(3, second.Skipped);
        Assert.Equal(6, second.Trained);
        Assert.True(second.Complete);
        var keys = new SweepStore(Dir("a")).ReadRows().Select(r => r.Key).ToList();
        Assert.Equal(Small.Configurations().Select(c => c.Key), keys);
        Assert.Equal(first.Manifest.StartedAt, second.Manifest.StartedAt);
        Assert.Empty(Directory.GetFiles(Dir("a"), "*.tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Should_Refuse_A_Directory_That_Holds_Another_Sweep()
    {
        SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("a"), Device = "cpu" });

        var error = Assert.Throws<InvalidInputException>(() =>
            SweepRunner.Run(Problem, Small with { Epochs = 31 }, new SweepRunOptions { Directory = Dir("a"), Device = "cpu" }));

        Assert.Contains("holds a different sweep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Give_The_Same_Results_For_The_Same_Seeds()
    {
        var grid = Small with { Seeds = [0, 7] };
        var one = SweepRunner.Run(Problem, grid, new SweepRunOptions { Directory = Dir("one"), Device = "cpu" });
        var two = SweepRunner.Run(Problem, grid, new SweepRunOptions { Directory = Dir("two"), Device = "cpu" });

        Assert.Equal(one.Rows.Select(r => (r.Key, r.FinalMse, r.EpochsRun)), two.Rows.Select(r => (r.Key, r.FinalMse, r.EpochsRun)));
        Assert.NotEqual(one.Rows[0].FinalMse, one.Rows.First(r => r.Seed == 7 && r.BatchSize == one.Rows[0].BatchSize && r.LearningRate == one.Rows[0].LearningRate).FinalMse);
    }

    [Fact]
    public void Should_Merge_Shards_Into_The_Unsharded_Result()
    {
        // Given the grid run whole, and run as three shards
        var whole = SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("whole"), Device = "cpu" });
        var shardDirs = Enumerable.Range(0, 3).Select(i => Dir($"shard{i}")).ToList();
        for (int i = 0; i < 3; i++)
            SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = shardDirs[i], Device = "cpu", Shard = new SweepShard(i, 3) });

        // When the shards are merged
        var merged = SweepMerge.Merge(shardDirs, Dir("merged"));

        // Then the merged rows are the unsharded rows (results are independent of how configurations were grouped)
        Assert.True(merged.Complete);
        Assert.Equal(whole.Rows.Select(r => (r.Key, r.FinalMse, r.BestMse, r.EpochsRun, r.Stop)), merged.Rows.Select(r => (r.Key, r.FinalMse, r.BestMse, r.EpochsRun, r.Stop)));
        Assert.Equal(whole.Manifest.SweepId, merged.Manifest.SweepId);
        Assert.Null(merged.Manifest.Shard);
        Assert.All(merged.Rows, r => Assert.True(File.Exists(Path.Combine(Dir("merged"), r.History))));
    }

    [Fact]
    public void Should_Refuse_To_Merge_Different_Sweeps_Or_A_Repeated_Shard()
    {
        SweepRunner.Run(Problem, Small, new SweepRunOptions { Directory = Dir("s0"), Device = "cpu", Shard = new SweepShard(0, 2) });
        SweepRunner.Run(Problem, Small with { Epochs = 5 }, new SweepRunOptions { Directory = Dir("other"), Device = "cpu", Shard = new SweepShard(1, 2) });

        Assert.Contains("another sweep", Assert.Throws<InvalidInputException>(() => SweepMerge.Merge([Dir("s0"), Dir("other")], Dir("m1"))).Message, StringComparison.Ordinal);
        Assert.Contains("given twice", Assert.Throws<InvalidInputException>(() => SweepMerge.Merge([Dir("s0"), Dir("s0")], Dir("m2"))).Message, StringComparison.Ordinal);
        Assert.Contains("not a sweep", Assert.Throws<InvalidInputException>(() => SweepMerge.Merge([Dir("s0"), Dir("missing")], Dir("m3"))).Message, StringComparison.Ordinal);
    }

    private sealed class Callback(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => action(value);
    }
}

public sealed class SweepPlotsTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-sweepplots-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Should_Draw_Heatmaps_Per_Momentum_And_Dtype_Slice_And_Curves_Per_Batch_Size()
    {
        // Given a grid with two momenta, two dtypes and two seeds (repeats are summarised by their median)
        var grid = new SweepGrid
        {
            BatchSizes = [4, 20], LearningRates = [0.001, 0.01], Momenta = [0, 0.9], Precisions = [Precision.Float32, Precision.Float64],
            Seeds = [0, 1], Epochs = 5,
        };
        var outcome = SweepRunner.Run(TorchFit.Problems.ProblemGenerator.Uniform(20, 30, 0), grid, new SweepRunOptions { Directory = _temp.Path, Device = "cpu" });

        // When the plots are drawn
        var written = TorchFit.Plotting.SweepPlots.Write(new SweepStore(_temp.Path), outcome.Manifest, outcome.Rows);

        // Then each of the 4 slices has both heatmaps and one curve chart per batch size, in PNG and SVG
        var names = written.Select(Path.GetFileName).ToHashSet();
        foreach (string slice in new[] { "m0-float32", "m0.9-float32", "m0-float64", "m0.9-float64" })
        {
            Assert.Contains($"heatmap-final-mse-{slice}.png", names);
            Assert.Contains($"heatmap-epochs-to-target-{slice}.svg", names);
            Assert.Contains($"curves-{slice}-batch4.png", names);
            Assert.Contains($"curves-{slice}-batch20.svg", names);
        }
        Assert.Equal(4 * (2 + 2) * 2, written.Count);
        Assert.All(written, path => Assert.True(new FileInfo(path).Length > 1000, path));
    }

    [Fact]
    public void Should_Draw_Each_Optimizers_Heatmaps_Under_Its_Name_With_A_Stability_Limit_For_Sgd_Only()
    {
        // Given SGD, Adam and RMSprop with two momenta on a full-batch learning rate far above SGD's limit
        var grid = new SweepGrid
        {
            Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam, OptimizerKind.Rmsprop],
            BatchSizes = [4, 20], LearningRates = [0.001, 0.5], Momenta = [0, 0.9], Epochs = 5,
        };
        var outcome = SweepRunner.Run(TorchFit.Problems.ProblemGenerator.Uniform(20, 30, 0), grid, new SweepRunOptions { Directory = _temp.Path, Device = "cpu" });

        // When the plots are drawn
        var written = TorchFit.Plotting.SweepPlots.Write(new SweepStore(_temp.Path), outcome.Manifest, outcome.Rows);

        // Then SGD's slices keep their names, the others carry the optimizer's, five slices in all
        var names = written.Select(Path.GetFileName).ToHashSet();
        foreach (string slice in new[] { "m0-float32", "m0.9-float32", "adam-m0-float32", "rmsprop-m0-float32", "rmsprop-m0.9-float32" })
        {
            Assert.Contains($"heatmap-final-mse-{slice}.png", names);
            Assert.Contains($"heatmap-epochs-to-target-{slice}.png", names);
            Assert.Contains($"curves-{slice}-batch20.png", names);
        }
        Assert.Equal(5 * (2 + 2) * 2, written.Count);
        Assert.All(written, path => Assert.True(new FileInfo(path).Length > 1000, path));

        // And each is titled with its optimizer; only SGD's draw a stability limit
        string Svg(string name) => File.ReadAllText(Path.Combine(_temp.Path, "plots", name + ".svg"));
        Assert.Contains("Adam, float32", Svg("heatmap-final-mse-adam-m0-float32"), StringComparison.Ordinal);
        Assert.Contains("RMSprop, float32, momentum 0.9", Svg("curves-rmsprop-m0.9-float32-batch4"), StringComparison.Ordinal);
        Assert.Contains("no stability limit drawn", Svg("heatmap-final-mse-rmsprop-m0-float32"), StringComparison.Ordinal);
        Assert.DoesNotContain("limit η", Svg("heatmap-final-mse-adam-m0-float32"), StringComparison.Ordinal);
        Assert.Contains("full-batch plain GD limit η", Svg("heatmap-final-mse-m0-float32"), StringComparison.Ordinal);
    }
}
