namespace SolarTap.Supervisor.Status;

/// <summary>No supervisor answered on the status socket; the message is one line for a person.</summary>
public sealed class StatusUnavailableException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public StatusUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public StatusUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StatusUnavailableException()
    {
    }
}
