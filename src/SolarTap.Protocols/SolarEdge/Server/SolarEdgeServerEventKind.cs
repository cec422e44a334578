namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>What a <see cref="SolarEdgeServerEvent"/> reports, for the status model.</summary>
public enum SolarEdgeServerEventKind
{
    /// <summary>The connection's inverter ID is known (first message with an inverter address).</summary>
    InverterIdentified,

    /// <summary>A 0x0503 started a session with a derived key (spec §4.3).</summary>
    SessionStarted,

    /// <summary>The inverter encrypts but its key is not known: it cannot be served (spec §5.2).</summary>
    EncryptedInverterWithoutKey,

    /// <summary>A 0x003D of an inverter whose 0x0503 was never seen nor restored (spec §4.1); it re-keys eventually.</summary>
    WrapperWithoutSession,

    /// <summary>A 0x003D that decrypts to no valid message: wrong key, stale session, or corruption.</summary>
    WrapperUndecryptable,

    /// <summary>A 0x0500 post was decoded (counts in the event); an empty post has zero records.</summary>
    PostDecoded,

    /// <summary>A 0x0501 time request was answered.</summary>
    TimeSent,

    /// <summary>A 0x0501 was not answered because the appliance clock is not synchronised (spec §5.2, issue #85).</summary>
    ClockNotSynchronised,

    /// <summary>Bytes that held no valid message (garbage, bad CRC, malformed wrapper or announcement); counted in <see cref="SolarEdgeServerEvent.Bytes"/>.</summary>
    UndecodableData,

    /// <summary>A valid message with a function the server does not answer (spec §5.2 "anything else"); reported once per function and connection.</summary>
    UnhandledFunction,

    /// <summary>The first bytes are a TLS ClientHello (spec §5.1 item 2).</summary>
    TlsClientHello,

    /// <summary>Too many bytes without a valid message; the connection is to be closed.</summary>
    GarbageFlood,
}
