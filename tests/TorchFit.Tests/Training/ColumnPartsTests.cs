using TorchFit.Problems;
using TorchFit.Training;
using TorchFit.Training.Batched;

namespace TorchFit.Tests.Training;

public class ColumnPartsTests
{
    [Fact]
    public void Split_Should_Cover_Every_Column_Once_In_Order_With_Whole_Vectors_Per_Part()
    {
        foreach (var (columns, threads) in new[] { (64, 2), (40, 2), (40, 3), (17, 4), (5, 2), (100, 7), (1, 1) })
        {
            var parts = ColumnParts.Split(columns, threads);
            Assert.True(parts.Count <= threads, $"{columns} over {threads}: {parts.Count} parts");
            Assert.Equal(Enumerable.Range(0, columns), parts.SelectMany(p => Enumerable.Range(p.Start, p.Count)));
            Assert.All(parts.SkipLast(1), p => Assert.Equal(0, p.Count % ColumnParts.MinimumColumnsPerPart));
        }
        Assert.Equal([(0, 32), (32, 32)], ColumnParts.Split(64, 2));
        Assert.Single(ColumnParts.Split(15, 2));
    }

    [Fact]
    public void DefaultThreads_Should_Keep_At_Least_16_Columns_Per_Thread()
    {
        Assert.Equal(1, ColumnParts.DefaultThreads(1));
        Assert.Equal(1, ColumnParts.DefaultThreads(31));
        Assert.Equal(Math.Min(Environment.ProcessorCount, 2), ColumnParts.DefaultThreads(32));
        Assert.Equal(Math.Min(Environment.ProcessorCount, 4), ColumnParts.DefaultThreads(64));
    }

    [Fact]
    public void Batched_Results_Should_Not_Depend_On_The_Thread_Count()
    {
        // Given 40 float32 configurations mixing learning rates, momentum, Nesterov, a diverging one and a target
        var problem = ProblemGenerator.Uniform(45, 30, 4);
        var group = Enumerable.Range(0, 40).Select(k => new TrainingOptions
        {
            BatchSize = 8, Epochs = 40, Seed = 3, Device = "cpu", Engine = TrainingEngine.Fused,
            LearningRate = k == 37 ? 0.5 : 0.002 + 0.0004 * k,
            Momentum = k % 3 == 0 ? 0.9 : 0,
            Nesterov = k % 6 == 0,
        }).ToArray();
        double target = Run.Batched(problem, [group[5]], threads: 1)[0].FullMse[9];
        group[5] = group[5] with { StopAtMse = target };   // column 5 stops at epoch 10

        // When it trains on one thread and with its columns split over 2 and 3 threads
        var one = Run.Batched(problem, group, threads: 1);
        foreach (int threads in new[] { 2, 3 })
        {
            var split = Run.Batched(problem, group, threads: threads);

            // Then every column has the same bits: per-epoch MSE and History, stop and final weights
            Assert.Equal(one.Count, split.Count);
            for (int k = 0; k < one.Count; k++)
            {
                Assert.Equal(one[k].FullMse, split[k].FullMse);
                Assert.Equal(one[k].HistoryLoss, split[k].HistoryLoss);
                Assert.Equal(one[k].Weights, split[k].Weights);
                Assert.Equal(one[k].Stop, split[k].Stop);
                Assert.Equal(one[k].Options, split[k].Options);
            }
        }
        Assert.Equal(TrainingStop.Diverged, one[37].Stop);
        Assert.Equal(TrainingStop.ReachedTarget, one[5].Stop);
        Assert.Equal(10, one[5].EpochsCompleted);
    }

    [Fact]
    public void Combined_Progress_Should_Report_The_Slowest_Part_Once_Every_Part_Has_Reported()
    {
        var reports = new List<TrainingProgress>();
        var combined = new CombinedProgress(new SynchronousProgress(reports), 2);

        combined.For(0).Report(new TrainingProgress(3, 10, 0.5, 1.0));
        Assert.Empty(reports);
        combined.For(1).Report(new TrainingProgress(2, 10, 0.25, 1.5));
        combined.For(0).Report(new TrainingProgress(4, 10, 0.4, 2.0));

        Assert.Equal([new TrainingProgress(2, 10, 0.25, 1.5), new TrainingProgress(2, 10, 0.25, 2.0)], reports);
    }

    [Fact]
    public void Batched_Progress_Should_Reach_The_Last_Epoch_When_Split_Over_Threads()
    {
        var problem = ProblemGenerator.Uniform(20, 10, 0);
        var group = Enumerable.Range(0, 32).Select(k => new TrainingOptions { BatchSize = 5, Epochs = 25, Device = "cpu", LearningRate = 0.001 * (k + 1) }).ToArray();
        var reports = new List<TrainingProgress>();

        Run.Batched(problem, group, new SynchronousProgress(reports), threads: 2);

        Assert.NotEmpty(reports);
        Assert.Equal(25, reports[^1].Epoch);
        Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.First.Epoch <= pair.Second.Epoch));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; this records in call order, under a lock.</summary>
    private sealed class SynchronousProgress(List<TrainingProgress> reports) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            lock (reports) reports.Add(value);
        }
    }
}
