namespace SolarTap.Cli;

/// <summary>
/// A problem the user can fix (a missing file, a malformed key). Printed as one line on stderr with exit code 2;
/// never a stack trace.
/// </summary>
internal sealed class UserError : Exception
{
    public UserError(string message)
        : base(message)
    {
    }

    public UserError(string message, Exception inner)
        : base(message, inner)
    {
    }

    public UserError()
    {
    }

    /// <summary>Exit code for a user error.</summary>
    public const int ExitCode = 2;
}
