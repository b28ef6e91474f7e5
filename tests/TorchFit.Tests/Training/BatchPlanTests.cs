using TorchFit.Training;

namespace TorchFit.Tests.Training;

public class BatchPlanTests
{
    [Fact]
    public void Should_Keep_Last_Partial_Batch()
    {
        // Given 200 rows at batch size 32 (Keras keeps the remainder)
        var batches = new BatchPlan(200, 32).Batches;

        // Then there are 7 steps: six of 32 and one of 8, covering every row once
        Assert.Equal(7, batches.Count);
        Assert.All(batches.Take(6), b => Assert.Equal(32, b.Length));
        Assert.Equal((192, 8), batches[^1]);
        Assert.Equal(200, batches.Sum(b => b.Length));
    }

    [Fact]
    public void Should_Use_One_Batch_When_Batch_Size_Reaches_The_Rows()
    {
        Assert.Equal([(0, 200)], new BatchPlan(200, 200).Batches);
        Assert.Equal([(0, 200)], new BatchPlan(200, 1000).Batches);
    }
}
