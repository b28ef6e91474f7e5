using System.Text.Json.Nodes;
using TorchFit.Problems;
using TorchFit.Sweeps;
using TorchFit.Training;

namespace TorchFit.Tests.Sweeps;

/// <summary>Issue 13: a sweep across SGD, Adam, RMSprop and Adagrad trains one batched run per update form, resumes, merges and reads old files.</summary>
public sealed class SweepOptimizersTests : IDisposable
{
    private readonly TempDirectory _temp = new("torchfit-sweepopt-");

    /// <summary>40 rows: batch 7 ends every epoch on a partial batch of 5.</summary>
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(40, 60, 0);

    /// <summary>Per batch size six forms: SGD plain and heavy ball, Adam, RMSprop plain and with momentum, Adagrad; two learning rates each.</summary>
    private static readonly SweepGrid Grid = new()
    {
        Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam, OptimizerKind.Rmsprop, OptimizerKind.Adagrad],
        BatchSizes = [7, 40], LearningRates = [0.001, 0.01], Momenta = [0, 0.9], Precisions = [Precision.Float64], Epochs = 25, Target = 1e-3,
    };

    private const int FormsPerBatchSize = 6;

    public void Dispose() => _temp.Dispose();

    private string Dir(string name) => _temp.Combine(name);

    private static SweepOutcome Run(SweepGrid grid, string directory, TrainingEngine engine = TrainingEngine.Batched, SweepShard? shard = null,
        IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default) =>
        SweepRunner.Run(Problem, grid, new SweepRunOptions { Directory = directory, Device = "cpu", Engine = engine, Shard = shard }, progress, cancellationToken);

    [Fact]
    public void Should_Train_One_Batched_Run_Per_Update_Form_Equal_To_Solo_Fused_Runs()
    {
        // Given the grid of four optimizers trained batched, and each configuration trained alone on the fused engine
        var progress = new Callback(_ => { });
        var batched = Run(Grid, Dir("batched"), progress: progress);
        var solo = Run(Grid, Dir("solo"), TrainingEngine.Fused);

        // Then the batched sweep ran one group per form and batch size, each of its two learning rates
        Assert.Equal(2 * FormsPerBatchSize, progress.Runs.Count);
        Assert.All(batched.Rows, r => Assert.Equal(2, r.TrainedWith));
        Assert.All(solo.Rows, r => Assert.Equal(1, r.TrainedWith));
        Assert.Equal(["sgd", "adam", "rmsprop", "adagrad"], batched.Rows.Select(r => r.Optimizer).Distinct());

        // And every row, epoch by epoch, equals its solo fused run to 1e-10 relative (float64)
        var batchedStore = new SweepStore(Dir("batched"));
        var soloStore = new SweepStore(Dir("solo"));
        Assert.Equal(solo.Rows.Select(r => r.Key), batched.Rows.Select(r => r.Key));
        foreach (var (b, s) in batched.Rows.Zip(solo.Rows))
        {
            Assert.Equal((s.Optimizer, s.Semantics, s.Stop, s.EpochsRun), (b.Optimizer, b.Semantics, b.Stop, b.EpochsRun));
            double[] expected = soloStore.ReadHistoryMse(s.History), actual = batchedStore.ReadHistoryMse(b.History);
            Assert.Equal(Grid.Epochs, actual.Length);
            for (int e = 0; e < expected.Length; e++) Assert.Equal(expected[e], actual[e], expected[e] * 1e-10);
        }
        // The optimizers do differ: the same learning rate and batch size end at different MSEs
        Assert.Equal(4, batched.Rows.Where(r => r.BatchSize == 7 && r.LearningRate == 0.01 && r.Momentum == 0).Select(r => r.FinalMse).Distinct().Count());
    }

    [Fact]
    public void Should_Resume_A_Sweep_Across_Optimizers_Training_Only_The_Unfinished_Forms()
    {
        // Given the sweep cancelled once its first three runs (SGD plain, heavy ball, Adam at batch 7) have finished
        using var cancel = new CancellationTokenSource();
        var first = Run(Grid, Dir("a"), progress: new Callback(p => { if (p.Finished >= 6) cancel.Cancel(); }), cancellationToken: cancel.Token);
        Assert.True(first.Cancelled);
        Assert.Equal(6, first.Rows.Count);

        // When it runs again into the same directory
        var resumed = Run(Grid, Dir("a"));

        // Then the finished rows are skipped, the rest trained, and the rows are those of an uninterrupted sweep
        Assert.Equal(6, resumed.Skipped);
        Assert.Equal(2 * 2 * FormsPerBatchSize - 6, resumed.Trained);
        Assert.True(resumed.Complete);
        var whole = Run(Grid, Dir("whole"));
        Assert.Equal(whole.Rows.Select(r => (r.Key, r.Optimizer, r.FinalMse, r.EpochsRun)), resumed.Rows.Select(r => (r.Key, r.Optimizer, r.FinalMse, r.EpochsRun)));
    }

    [Fact]
    public void Should_Merge_Shards_Of_A_Sweep_Across_Optimizers_Into_The_Unsharded_Result()
    {
        // Given the grid run whole and as three shards (whose cuts fall inside groups)
        var whole = Run(Grid, Dir("whole"));
        var shards = Enumerable.Range(0, 3).Select(i => Dir($"shard{i}")).ToList();
        for (int i = 0; i < 3; i++) Run(Grid, shards[i], shard: new SweepShard(i, 3));

        // When they are merged
        var merged = SweepMerge.Merge(shards, Dir("merged"));

        // Then the merged rows are the unsharded ones, optimizers included
        Assert.True(merged.Complete);
        Assert.Equal(whole.Manifest.SweepId, merged.Manifest.SweepId);
        Assert.Equal(whole.Rows.Select(r => (r.Key, r.Optimizer, r.Semantics, r.FinalMse, r.EpochsRun)),
            merged.Rows.Select(r => (r.Key, r.Optimizer, r.Semantics, r.FinalMse, r.EpochsRun)));
        Assert.Equal(["sgd", "adam", "rmsprop", "adagrad"], merged.Manifest.Grid.Optimizers);
    }

    [Fact]
    public void Should_Key_And_Record_PyTorch_Formulas_Where_They_Differ()
    {
        // Given SGD (plain and heavy ball) and Adam under PyTorch's formulas
        var grid = Grid with { Optimizers = [OptimizerKind.Sgd, OptimizerKind.Adam], Semantics = OptimizerSemantics.Torch, BatchSizes = [40], Epochs = 5 };

        // When it runs
        var outcome = Run(grid, Dir("torch"));

        // Then plain SGD is keyed and recorded as before (one update under both), the others carry torch
        Assert.Equal(["b40-lr0.001-m0-float64-s0", "b40-lr0.01-m0-float64-s0", "torch-b40-lr0.001-m0.9-float64-s0", "torch-b40-lr0.01-m0.9-float64-s0",
            "adam-torch-b40-lr0.001-m0-float64-s0", "adam-torch-b40-lr0.01-m0-float64-s0"], outcome.Rows.Select(r => r.Key));
        Assert.Equal(["keras", "keras", "torch", "torch", "torch", "torch"], outcome.Rows.Select(r => r.Semantics));
        Assert.Equal("torch", outcome.Manifest.Grid.Semantics);
    }

    [Fact]
    public void Should_Resume_And_Merge_Results_Written_Before_Sweeps_Had_Optimizers()
    {
        // Given two shards of an SGD sweep whose files are as earlier versions wrote them: rows and manifests without optimizer or semantics
        var grid = Grid with { Optimizers = [OptimizerKind.Sgd], Momenta = [0], Epochs = 5 };
        var shards = new[] { Dir("old0"), Dir("old1") };
        for (int i = 0; i < 2; i++)
        {
            Run(grid, shards[i], shard: new SweepShard(i, 2));
            var store = new SweepStore(shards[i]);
            var rows = JsonNode.Parse(File.ReadAllText(store.ResultsJsonPath))!.AsArray();
            foreach (var row in rows) { row!.AsObject().Remove("optimizer"); row.AsObject().Remove("semantics"); }
            File.WriteAllText(store.ResultsJsonPath, rows.ToJsonString());
            var manifest = JsonNode.Parse(File.ReadAllText(store.ManifestPath))!;
            manifest["grid"]!.AsObject().Remove("optimizers");
            manifest["grid"]!.AsObject().Remove("semantics");
            File.WriteAllText(store.ManifestPath, manifest.ToJsonString());
            Assert.DoesNotContain("optimizer", File.ReadAllText(store.ResultsJsonPath), StringComparison.Ordinal);
        }

        // When they are read, resumed and merged
        var read = new SweepStore(shards[0]).ReadRows();
        var resumed = Run(grid, shards[1], shard: new SweepShard(1, 2));
        var merged = SweepMerge.Merge(shards, Dir("merged"));

        // Then their rows are SGD with Keras' formulas, the resumed shard trains nothing, and the merge is whole
        Assert.All(read, r => Assert.Equal(("sgd", "keras"), (r.Optimizer, r.Semantics)));
        Assert.Equal((resumed.Rows.Count, 0), (resumed.Skipped, resumed.Trained));
        Assert.True(merged.Complete);
        Assert.All(merged.Rows, r => Assert.Equal("sgd", r.Optimizer));
        Assert.Null(new SweepStore(shards[0]).ReadManifest()!.Grid.Optimizers);
    }

    /// <summary>Reports synchronously, and records each run's description as it starts.</summary>
    private sealed class Callback(Action<SweepProgress> action) : IProgress<SweepProgress>
    {
        public List<string> Runs { get; } = [];

        public void Report(SweepProgress value)
        {
            if (Runs.Count == 0 || Runs[^1] != value.Current) Runs.Add(value.Current);
            action(value);
        }
    }
}
