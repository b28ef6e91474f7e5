namespace TorchFit;

/// <summary>
/// Input a user can fix: a bad option value, an inconsistent problem, an unavailable device.
/// Front ends show its one-line message (no stack trace) and exit with code 2. When the input is a
/// property of one of the library's option records, <see cref="Option"/> names it, so a front end can
/// say it in its own words (the command line's flag instead of the property name).
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception with a one-line message that says what is wrong and where.</summary>
    public InvalidInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and the error that caused it.</summary>
    public InvalidInputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidInputException() : base("invalid input") { }

    private InvalidInputException(string option, string problem, bool _) : base($"{option} {problem}")
    {
        Option = option;
        Problem = problem;
    }

    /// <summary>The option property at fault (e.g. <c>LearningRate</c>), or null when the input is not an option.</summary>
    public string? Option { get; }

    /// <summary>What is wrong with <see cref="Option"/>, without its name (e.g. "must be ≥ 1, got 0"); null without an option.</summary>
    public string? Problem { get; }

    /// <summary>An error about option property <paramref name="option"/>: the message reads "<paramref name="option"/> <paramref name="problem"/>".</summary>
    public static InvalidInputException ForOption(string option, string problem) => new(option, problem, true);
}
