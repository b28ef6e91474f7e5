using TorchSharp;
using static TorchSharp.torch;

namespace TorchFit.Training;

/// <summary>Where a run starts: the weights the options give, or the ones the initialiser draws from the run's generator.</summary>
internal static class InitialWeights
{
    /// <summary>
    /// The starting parameters (<see cref="ModelParameters"/>: the kernel, then the bias with one) for the
    /// <paramref name="parameters"/> columns of the fitted problem (d, or d + 1 for [A 1]): <see cref="TrainingOptions.InitialWeights"/> when given (checked
    /// against d), else d values drawn from <paramref name="generator"/> with <see cref="TrainingOptions.Init"/>: the
    /// first draw of every engine's generator, so a seed means the same start (and, after it, the same shuffles)
    /// everywhere. The bias starts at <see cref="TrainingOptions.InitialBias"/>, else at 0 as Keras' <c>zeros</c>
    /// initialiser (it draws nothing, so a bias leaves the kernel and the shuffles as they are without one).
    /// </summary>
    public static double[] For(TrainingOptions options, int parameters, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Draw(options, parameters, generator);
    }

    /// <summary>The start <see cref="For"/> gives from a fresh generator of the options' seed: what every engine starts from.</summary>
    public static double[] ForSeed(TrainingOptions options, int parameters)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var generator = new Generator(options.Seed, CPU);
        return Draw(options, parameters, generator);
    }

    private static double[] Draw(TrainingOptions options, int parameters, Generator generator)
    {
        int columns = parameters - (options.UseBias ? 1 : 0);
        double[] kernel;
        if (options.InitialWeights is not { } given)
        {
            using var scope = NewDisposeScope();
            kernel = KernelInitializer.Draw(options.Init, columns, generator).data<double>().ToArray();
        }
        else if (given.Count != columns)
            throw InvalidInputException.ForOption(nameof(TrainingOptions.InitialWeights), $"must hold {columns} values (one per column of A), got {given.Count}");
        else
            kernel = [.. given];
        return options.UseBias ? [.. kernel, options.InitialBias ?? 0] : kernel;
    }
}
