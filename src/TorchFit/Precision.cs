using TorchSharp;

namespace TorchFit;

/// <summary>The dtype training runs in (Keras <c>floatx()</c>): a concept of the whole library, so problems, training and diagnosis share it without depending on each other.</summary>
public enum Precision
{
    /// <summary>float32, Keras' default: float64 NumPy inputs are cast to it.</summary>
    Float32,

    /// <summary>float64, to separate optimisation from rounding.</summary>
    Float64,
}

/// <summary>Conversions for <see cref="Precision"/>.</summary>
public static class PrecisionExtensions
{
    /// <summary>The torch scalar type of a precision.</summary>
    public static torch.ScalarType ToScalarType(this Precision precision) =>
        precision == Precision.Float64 ? torch.ScalarType.Float64 : torch.ScalarType.Float32;

    /// <summary>"float32" or "float64", as NumPy and PyTorch spell it.</summary>
    public static string ToName(this Precision precision) =>
        precision == Precision.Float64 ? "float64" : "float32";
}
