namespace SolarTap.Protocols.Modbus;

/// <summary>Counters of a <see cref="ModbusClientEngine"/> since it was made.</summary>
public sealed class ModbusClientStatistics
{
    /// <summary>Frames sent, retries included.</summary>
    public long Requests { get; internal set; }

    /// <summary>Requests completed, whatever the outcome.</summary>
    public long Completed { get; internal set; }

    /// <summary>Response timeouts.</summary>
    public long Timeouts { get; internal set; }

    /// <summary>Requests sent again after a timeout, a lost connection or a bad response.</summary>
    public long Retries { get; internal set; }

    /// <summary>Exception responses.</summary>
    public long Exceptions { get; internal set; }

    /// <summary>Responses that matched but were malformed.</summary>
    public long BadResponses { get; internal set; }

    /// <summary>Frames that answered nothing outstanding (stale transaction id, other unit, other function).</summary>
    public long Unmatched { get; internal set; }

    /// <summary>Requests refused because the queue was full.</summary>
    public long Refused { get; internal set; }

    /// <summary>TCP connection attempts.</summary>
    public long ConnectAttempts { get; internal set; }

    /// <summary>TCP connection attempts that failed.</summary>
    public long ConnectFailures { get; internal set; }

    /// <summary>TCP connections that closed or failed while in use.</summary>
    public long ConnectionsLost { get; internal set; }
}
