using TorchFit.Problems;
using TorchFit.Training;

namespace TorchFit.Tests.Training;

/// <summary>
/// <see cref="DivergencePolicy.Continue"/> trains every epoch as Keras' <c>fit</c> does and records the Inf/NaN;
/// <see cref="DivergencePolicy.Stop"/> (the default) ends the run at the first diverged epoch. On every engine.
/// </summary>
public class DivergencePolicyTests
{
    private static readonly LinearProblem Problem = ProblemGenerator.Uniform(30, 12, 4);

    /// <summary>40 epochs of 5 steps (batch 7, the last of 2 rows), float32, rows in order.</summary>
    private static readonly TrainingOptions Base = new()
    {
        Precision = Precision.Float32, Device = "cpu", BatchSize = 7, Epochs = 40, Shuffle = false, Seed = 1,
    };

    /// <summary>SGD at η = 1, about 6× its stability limit: the weights overflow float32 within the 40 epochs.</summary>
    private static readonly TrainingOptions Overflowing = Base with { LearningRate = 1 };

    /// <summary>Adam at η = 10⁴: its first steps move each weight by about η, so the MSE passes 10⁸ × its start at once, finite.</summary>
    private static readonly TrainingOptions PastTheBound = Base with { Optimizer = OptimizerKind.Adam, LearningRate = 1e4 };

    public static TheoryData<TrainingEngine, string> EnginesAndRuns()
    {
        var data = new TheoryData<TrainingEngine, string>();
        foreach (var engine in new[] { TrainingEngine.Keras, TrainingEngine.Fused, TrainingEngine.Batched })
            foreach (var run in new[] { nameof(Overflowing), nameof(PastTheBound) })
                data.Add(engine, run);
        return data;
    }

    private static TrainingOptions Named(string run) => run == nameof(Overflowing) ? Overflowing : PastTheBound;

    [Theory]
    [MemberData(nameof(EnginesAndRuns))]
    public void Should_Train_Every_Epoch_And_Record_Where_It_Diverged_When_Continuing(TrainingEngine engine, string name)
    {
        // Given a run that diverges, asked to continue
        var options = Named(name) with { OnDivergence = DivergencePolicy.Continue };

        // When it trains
        var result = Run.On(engine, Problem, options);

        // Then every epoch ran and was recorded, the run is marked diverged, and DivergedAtEpoch is the first epoch whose
        // MSE was NaN/Inf or past 10⁸ × the start
        Assert.Equal(options.Epochs, result.EpochsCompleted);
        Assert.Equal(options.Epochs, result.HistoryLoss.Length);
        Assert.Equal(TrainingStop.Diverged, result.Stop);
        int firstBad = 1 + Array.FindIndex(result.FullMse, mse => !double.IsFinite(mse) || mse > options.DivergenceFactor * result.InitialMse);
        Assert.True(firstBad is >= 1 and < 30, $"first diverged epoch {firstBad}: the run should diverge well before its end");
        Assert.Equal(firstBad, result.DivergedAtEpoch);
        if (name == nameof(Overflowing))
        {
            // …it trained a few finite epochs first; then the float32 weights overflowed, and the Inf/NaN is in the record,
            // as Keras' History holds it
            Assert.True(firstBad > 1);
            Assert.Contains(result.FullMse, mse => !double.IsFinite(mse));
            Assert.False(double.IsFinite(result.FullMse[^1]));
            Assert.False(double.IsFinite(result.HistoryLoss[^1]));
        }
        else
        {
            // …Adam's bounded steps keep it finite and bring it back under the bound: the record goes on, the run stays
            // marked diverged at its first bad epoch
            Assert.All(result.FullMse, mse => Assert.True(double.IsFinite(mse)));
            Assert.True(result.FullMse[^1] < options.DivergenceFactor * result.InitialMse);
        }
    }

    [Theory]
    [MemberData(nameof(EnginesAndRuns))]
    public void Should_Stop_At_The_First_Diverged_Epoch_By_Default(TrainingEngine engine, string name)
    {
        // Given a run that diverges, with the default policy, and the same run continued
        var options = Named(name);
        Assert.Equal(DivergencePolicy.Stop, options.OnDivergence);
        var continued = Run.On(engine, Problem, options with { OnDivergence = DivergencePolicy.Continue });

        // When it trains
        var result = Run.On(engine, Problem, options);

        // Then it ended at the epoch the continued run diverged at, with the same record up to there
        Assert.Equal(TrainingStop.Diverged, result.Stop);
        Assert.Equal(continued.DivergedAtEpoch, result.DivergedAtEpoch);
        Assert.Equal(continued.DivergedAtEpoch, result.EpochsCompleted);
        Assert.Equal(continued.FullMse[..result.EpochsCompleted], result.FullMse);
        Assert.Equal(continued.HistoryLoss[..result.EpochsCompleted], result.HistoryLoss);
    }

    [Theory]
    [InlineData(TrainingEngine.Keras)]
    [InlineData(TrainingEngine.Fused)]
    [InlineData(TrainingEngine.Batched)]
    public void Should_Not_Count_A_Target_Reached_After_Diverging(TrainingEngine engine)
    {
        // Given the Adam run that diverges at once and recovers, continued, with a target its MSE later falls under
        var options = PastTheBound with { OnDivergence = DivergencePolicy.Continue };
        var plain = Run.On(engine, Problem, options);
        double target = plain.FullMse[^5];
        Assert.True(plain.EpochsToReach(target) < options.Epochs);

        // When it trains with that target
        var result = Run.On(engine, Problem, options with { StopAtMse = target });

        // Then it does not stop there: a diverged run trains on to the end and stays marked diverged
        Assert.Equal(TrainingStop.Diverged, result.Stop);
        Assert.Equal(options.Epochs, result.EpochsCompleted);
        Assert.Equal(plain.FullMse, result.FullMse);
    }

    [Theory]
    [InlineData(TrainingEngine.Keras)]
    [InlineData(TrainingEngine.Fused)]
    [InlineData(TrainingEngine.Batched)]
    public void Should_Leave_A_Stable_Run_Untouched_When_Continuing(TrainingEngine engine)
    {
        // Given a stable run, with each policy
        var options = Base with { LearningRate = 0.01 };

        // When it trains
        var stop = Run.On(engine, Problem, options);
        var go = Run.On(engine, Problem, options with { OnDivergence = DivergencePolicy.Continue });

        // Then both complete the same run and neither records a divergence
        Assert.Equal(TrainingStop.Completed, go.Stop);
        Assert.Null(go.DivergedAtEpoch);
        Assert.Null(stop.DivergedAtEpoch);
        Assert.Equal(stop.FullMse, go.FullMse);
    }

    [Fact]
    public void Should_Apply_Each_Configurations_Own_Policy_In_A_Batched_Group()
    {
        // Given one batched group: a stable run, and the same diverging run continued and stopped
        var group = new[]
        {
            Base with { LearningRate = 0.01, OnDivergence = DivergencePolicy.Continue },
            Overflowing with { OnDivergence = DivergencePolicy.Continue },
            Overflowing,
        };
        Assert.Single(EngineResolver.Create(TrainingEngine.Batched).Groups(group));

        // When the group trains
        var batched = Run.Batched(Problem, group);

        // Then each column did what its policy says, as a solo run does
        Assert.Equal(TrainingStop.Completed, batched[0].Stop);
        Assert.Equal(40, batched[0].EpochsCompleted);
        Assert.Equal(40, batched[1].EpochsCompleted);
        Assert.Equal(batched[1].DivergedAtEpoch, batched[2].EpochsCompleted);
        for (int k = 0; k < group.Length; k++)
        {
            var solo = Run.Fused(Problem, group[k]);
            Assert.Equal(solo.Stop, batched[k].Stop);
            Assert.Equal(solo.DivergedAtEpoch, batched[k].DivergedAtEpoch);
            Assert.Equal(solo.EpochsCompleted, batched[k].EpochsCompleted);
        }
    }
}
