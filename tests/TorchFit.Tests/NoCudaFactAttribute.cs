using TorchSharp;

namespace TorchFit.Tests;

/// <summary>A fact about what happens without CUDA: skipped, with the reason, on a machine that has it.</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    public NoCudaFactAttribute()
    {
        if (torch.cuda.is_available())
            Skip = "CUDA is available here, so asking for it does not fail; this test checks the message on machines without it";
    }
}
