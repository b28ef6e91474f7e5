using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>Where a run starts: the weights the options give, or the ones the initialiser draws from the run's generator.</summary>
internal static class InitialWeights
{
    /// <summary>
    /// <see cref="TrainingOptions.InitialWeights"/> when given (checked against d), else d values drawn from
    /// <paramref name="generator"/> with <see cref="TrainingOptions.Init"/>: the first draw of every engine's
    /// generator, so a seed means the same start (and, after it, the same shuffles) everywhere.
    /// </summary>
    public static double[] For(TrainingOptions options, int columns, Generator generator)
    {
        if (options.InitialWeights is not { } given)
        {
            using var scope = NewDisposeScope();
            return KernelInitializer.Draw(options.Init, columns, generator).data<double>().ToArray();
        }
        if (given.Count != columns)
            throw InvalidInputException.ForOption(nameof(TrainingOptions.InitialWeights), $"must hold {columns} values (one per column of A), got {given.Count}");
        return [.. given];
    }
}
