namespace SolarTap.Protocols.Modbus;

/// <summary>How a queued request ended.</summary>
public enum ModbusOutcome
{
    /// <summary>A normal response (registers for reads).</summary>
    Ok,
    /// <summary>The server answered with an exception code.</summary>
    Exception,
    /// <summary>No valid response after every attempt.</summary>
    Timeout,
    /// <summary>TCP: the connection could not be made; queued requests fail instead of piling up.</summary>
    NotConnected,
    /// <summary>The response matched the request but was malformed on every attempt.</summary>
    BadResponse,
}
