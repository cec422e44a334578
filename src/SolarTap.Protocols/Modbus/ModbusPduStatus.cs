namespace SolarTap.Protocols.Modbus;

/// <summary>The outcome of parsing one complete Modbus PDU.</summary>
public enum ModbusPduStatus
{
    /// <summary>A well-formed normal response or request.</summary>
    Ok,
    /// <summary>A well-formed exception response (function | 0x80 and a code).</summary>
    Exception,
    /// <summary>Shorter than its function and byte count require.</summary>
    Truncated,
    /// <summary>Inconsistent: a byte count that does not fit, trailing bytes, a quantity out of range.</summary>
    Malformed,
    /// <summary>Well-formed, but not an answer to the request given (other function, count or echo).</summary>
    Mismatch,
    /// <summary>A request with a function code this codec does not implement (a server answers IllegalFunction).</summary>
    UnsupportedFunction,
}
