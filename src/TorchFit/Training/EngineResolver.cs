using TorchFit.Devices;
using TorchFit.Training.Engines;
using TorchSharp;

namespace TorchFit.Training;

/// <summary>The one way in to the engines: which implementation runs a <see cref="TrainingEngine"/>, and on which device.</summary>
public static class EngineResolver
{
    /// <summary>The engine of kind <paramref name="kind"/>.</summary>
    /// <param name="kind">keras, fused or batched.</param>
    /// <param name="threads">
    /// Batched only: the threads a group of configurations is split over on the CPU; null for one per core
    /// while each keeps ≥ <see cref="Batched.ColumnParts.MinimumColumnsPerPart"/> columns. The results do not depend on it.
    /// </param>
    public static ITrainingEngine Create(TrainingEngine kind, int? threads = null) => kind switch
    {
        TrainingEngine.Keras => new KerasEngine(),
        TrainingEngine.Fused => new FusedEngine(),
        TrainingEngine.Batched => new BatchedEngine(threads),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown engine"),
    };

    /// <summary>
    /// The device a run of <paramref name="kind"/> uses for the device name <paramref name="name"/> (auto, cpu,
    /// cuda, cuda:N). "auto" is CUDA when available for the keras engine, and the CPU for fused and batched,
    /// whose managed kernels beat per-op dispatch on problems of the size they are for; an explicit CUDA device
    /// runs their torch-ops form.
    /// </summary>
    /// <exception cref="InvalidInputException">An unknown name, or CUDA asked for and absent.</exception>
    public static torch.Device ResolveDevice(TrainingEngine kind, string name)
    {
        bool auto = (name ?? "").Trim().Equals("auto", StringComparison.OrdinalIgnoreCase);
        return auto && kind != TrainingEngine.Keras ? torch.CPU : ComputeDevice.Resolve(name!);
    }

    /// <summary>The device as reports name it ("cpu", "cuda:0"): see <see cref="ResolveDevice"/>.</summary>
    public static string DescribeDevice(TrainingEngine kind, string name) => ComputeDevice.Describe(ResolveDevice(kind, name));
}
