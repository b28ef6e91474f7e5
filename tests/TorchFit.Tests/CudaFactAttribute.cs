using TorchSharp;

namespace TorchFit.Tests;

/// <summary>A fact that runs only where CUDA is available, and says why it was skipped elsewhere.</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute()
    {
        if (!torch.cuda.is_available())
            Skip = "CUDA is not available (CPU backend or no NVIDIA GPU); build with -p:TorchBackend=cuda on a GPU machine to run it";
    }
}
