namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>A fact for the status model and the log.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Inverter">The inverter concerned; 0 when not known.</param>
/// <param name="Message">One line for people.</param>
public sealed record SolarEdgeServerEvent(SolarEdgeServerEventKind Kind, uint Inverter, string Message) : SolarEdgeServerAction
{
    /// <summary>Sequence number of the message concerned, when there is one.</summary>
    public ushort? Sequence { get; init; }

    /// <summary>Function of the message concerned, when there is one.</summary>
    public FunctionCode? Function { get; init; }

    /// <summary>For <see cref="SolarEdgeServerEventKind.PostDecoded"/>: complete telemetry records.</summary>
    public int Records { get; init; }

    /// <summary>For <see cref="SolarEdgeServerEventKind.PostDecoded"/>: readings decoded.</summary>
    public int Readings { get; init; }

    /// <summary>For <see cref="SolarEdgeServerEventKind.PostDecoded"/>: records not decoded (unknown, unusable, truncated).</summary>
    public int UnknownRecords { get; init; }

    /// <summary>For <see cref="SolarEdgeServerEventKind.UndecodableData"/> and <see cref="SolarEdgeServerEventKind.GarbageFlood"/>: bytes concerned.</summary>
    public long Bytes { get; init; }
}
