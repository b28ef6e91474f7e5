using System.Globalization;
using TorchSharp;

namespace TorchFit.Devices;

/// <summary>Turns a device name (<c>auto</c>, <c>cpu</c>, <c>cuda</c>, <c>cuda:N</c>) into a torch device.</summary>
public static class ComputeDevice
{
    /// <summary>The accepted spellings, for help text and errors.</summary>
    public const string Choices = "auto, cpu, cuda, cuda:N";

    /// <summary>How to get a CUDA build: the fix named in every CUDA error.</summary>
    public const string CudaHint =
        "this build has no usable CUDA backend; build with -p:TorchBackend=cuda on a machine with an NVIDIA driver (README, 'CPU and CUDA')";

    /// <summary>
    /// Resolves <paramref name="name"/>: <c>auto</c> is CUDA when available, else CPU.
    /// Throws <see cref="InvalidInputException"/> for unknown names or CUDA that is absent.
    /// </summary>
    public static torch.Device Resolve(string name)
    {
        string spec = (name ?? "").Trim().ToLowerInvariant();
        switch (spec)
        {
            case "auto":
                return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
            case "cpu":
                return torch.CPU;
            case "cuda":
                EnsureCuda(spec, 0);
                return torch.CUDA;
        }
        if (spec.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(spec.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            EnsureCuda(spec, index);
            return new torch.Device(DeviceType.CUDA, index);
        }
        throw new InvalidInputException($"unknown device '{name}' (expected one of: {Choices})");
    }

    /// <summary>Whether <paramref name="name"/> is spelled as a device name (without loading libtorch).</summary>
    public static bool IsWellFormed(string? name)
    {
        string spec = (name ?? "").Trim().ToLowerInvariant();
        return spec is "auto" or "cpu" or "cuda"
            || (spec.StartsWith("cuda:", StringComparison.Ordinal)
                && int.TryParse(spec.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }

    /// <summary>A short, stable name for reports: "cpu" or "cuda:0".</summary>
    public static string Describe(torch.Device device) =>
        device.type == DeviceType.CUDA ? $"cuda:{Math.Max(device.index, 0)}" : "cpu";

    private static void EnsureCuda(string spec, int index)
    {
        if (!torch.cuda.is_available())
            throw new InvalidInputException($"device '{spec}': CUDA is not available: {CudaHint}");
        int count = torch.cuda.device_count();
        if (index >= count)
            throw new InvalidInputException($"device '{spec}': only {count} CUDA device(s) present (cuda:0..cuda:{count - 1})");
    }
}
