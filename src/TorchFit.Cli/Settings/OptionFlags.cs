using Spectre.Console;

namespace TorchFit.Cli.Settings;

/// <summary>
/// Says the library's option errors in the command line's words: the library names the property at fault
/// (<see cref="InvalidInputException.Option"/>), this maps it to the flag that sets it.
/// </summary>
internal static class OptionFlags
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["LearningRate"] = "--lr",
        ["BatchSize"] = "--batch-size",
        ["Epochs"] = "--epochs",
        ["Momentum"] = "--momentum",
        ["Nesterov"] = "--nesterov",
        ["Optimizer"] = "--optimizer",
        ["Semantics"] = "--semantics",
        ["Beta1"] = "--beta-1",
        ["Beta2"] = "--beta-2",
        ["Amsgrad"] = "--amsgrad",
        ["Rho"] = "--rho",
        ["Centered"] = "--centered",
        ["InitialAccumulatorValue"] = "--initial-accumulator-value",
        ["Epsilon"] = "--epsilon",
        ["UseBias"] = "--use-bias",
        ["InitialWeights"] = "--initial-weights",
        ["InitialBias"] = "--initial-weights",
        ["OnDivergence"] = "--on-divergence",
        ["StopAtMse"] = "--target",
        ["Target"] = "--target",
        ["MaxEpochs"] = "--max-epochs",
        ["ComparisonEpochs"] = "--compare-epochs",
        ["LbfgsEpochs"] = "--lbfgs-epochs",
        ["Threads"] = "--threads",
        ["Device"] = "--device",
        ["Shard"] = "--shard",
        ["Directory"] = "--out",
        ["BatchSizes"] = "--batch-sizes",
        ["Optimizers"] = "--optimizers",
        ["LearningRates"] = "--lrs",
        ["Momenta"] = "--momentum",
        ["Precisions"] = "--dtype",
        ["Seeds"] = "--seeds",
    };

    /// <summary>The flag that sets library property <paramref name="option"/>, or null when no flag does.</summary>
    public static string? For(string option) => Flags.GetValueOrDefault(option);

    /// <summary>The error's message with the property replaced by its flag ("--lr must be …"), or as it is.</summary>
    public static string Message(InvalidInputException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Option is { } option && For(option) is { } flag ? $"{flag} {error.Problem}" : error.Message;
    }

    /// <summary>Runs a library validation and reports its first error in flag terms.</summary>
    public static ValidationResult Check(Action validate)
    {
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            validate();
            return ValidationResult.Success();
        }
        catch (InvalidInputException e)
        {
            return ValidationResult.Error(Message(e));
        }
    }
}
