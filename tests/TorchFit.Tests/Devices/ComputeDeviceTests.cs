using TorchFit.Devices;
using TorchFit.Problems;
using TorchFit.Training;
using TorchSharp;

using TorchFit.Tests.Training;

namespace TorchFit.Tests.Devices;

public class ComputeDeviceTests
{
    [Fact]
    public void Should_Resolve_Cpu_And_Auto()
    {
        Assert.Equal(DeviceType.CPU, ComputeDevice.Resolve("cpu").type);
        var auto = ComputeDevice.Resolve("auto");
        Assert.Equal(torch.cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, auto.type);
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void Should_Reject_Unknown_Devices(string name)
    {
        var error = Assert.Throws<InvalidInputException>(() => ComputeDevice.Resolve(name));
        Assert.Contains("auto, cpu, cuda, cuda:N", error.Message, StringComparison.Ordinal);
        Assert.False(ComputeDevice.IsWellFormed(name));
    }

    [NoCudaFact]
    public void Should_Name_The_Fix_When_Cuda_Is_Absent()
    {
        var error = Assert.Throws<InvalidInputException>(() => ComputeDevice.Resolve("cuda:0"));
        Assert.Contains("-p:TorchBackend=cuda", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [CudaFact]
    public void Should_Train_On_Cuda_Like_On_Cpu()
    {
        var problem = ProblemGenerator.Uniform(64, 48, 0);
        var options = new TrainingOptions { Precision = Precision.Float64, Epochs = 20, BatchSize = 16 };
        var cpu = Run.Keras(problem, options with { Device = "cpu" });
        var cuda = Run.Keras(problem, options with { Device = "cuda" });
        Assert.Equal("cuda:0", cuda.Device);
        for (int j = 0; j < 48; j++) Assert.Equal(cpu.Weights[j], cuda.Weights[j], 1e-10);
    }

    [CudaFact]
    public void Should_Run_The_Fused_And_Batched_Engines_On_Cuda_Like_On_Cpu()
    {
        var problem = ProblemGenerator.Uniform(64, 48, 0);
        var options = new TrainingOptions { Precision = Precision.Float64, Epochs = 20, BatchSize = 16, Engine = TrainingEngine.Fused };
        TrainingOptions[] group = [options, options with { LearningRate = 0.003, Momentum = 0.9, Nesterov = true }];

        var cpu = Run.Batched(problem, [.. group.Select(o => o with { Device = "cpu" })]);
        var cuda = Run.Batched(problem, [.. group.Select(o => o with { Device = "cuda" })]);
        var fused = Run.Fused(problem, options with { Device = "cuda" });

        Assert.Equal("cuda:0", cuda[0].Device);
        for (int k = 0; k < 2; k++)
            for (int e = 0; e < 20; e++) Assert.Equal(cpu[k].FullMse[e], cuda[k].FullMse[e], cpu[k].FullMse[e] * 1e-10);
        for (int e = 0; e < 20; e++) Assert.Equal(cpu[0].FullMse[e], fused.FullMse[e], cpu[0].FullMse[e] * 1e-10);
    }
}
