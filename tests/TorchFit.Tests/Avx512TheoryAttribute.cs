using System.Runtime.Intrinsics;

namespace TorchFit.Tests;

/// <summary>A theory that runs only where 512-bit vectors are accelerated (the kernels' AVX-512 tiles), and says why it was skipped elsewhere.</summary>
public sealed class Avx512TheoryAttribute : TheoryAttribute
{
    public Avx512TheoryAttribute()
    {
        if (!Vector512.IsHardwareAccelerated)
            Skip = "512-bit vectors are not accelerated here (no AVX-512, or DOTNET_EnableAVX512F=0), so the kernels never take their AVX-512 tiles";
    }
}
