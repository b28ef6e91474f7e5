namespace TorchFit.Training.Rules;

/// <summary>
/// Whether a rule keeps a momentum buffer, as a type: rules generic in it are compiled once with and once
/// without, so the plain update carries no test of it (at batch 1 a step is mostly updates).
/// </summary>
internal interface IMomentumUse
{
    static abstract bool Enabled { get; }
}

/// <summary>A momentum buffer is kept.</summary>
internal readonly struct WithMomentum : IMomentumUse
{
    public static bool Enabled => true;
}

/// <summary>No momentum buffer: the plain update.</summary>
internal readonly struct WithoutMomentum : IMomentumUse
{
    public static bool Enabled => false;
}
