namespace TorchFit;

/// <summary>
/// Input a user can fix: a bad option value, an inconsistent problem, an unavailable device.
/// Front ends show its one-line message (no stack trace) and exit with code 2.
/// </summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception with a one-line message that says what is wrong and where.</summary>
    public InvalidInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a one-line message and the error that caused it.</summary>
    public InvalidInputException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception with a generic message.</summary>
    public InvalidInputException() : base("invalid input") { }
}
