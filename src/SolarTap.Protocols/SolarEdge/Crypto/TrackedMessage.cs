namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>
/// One message as a <see cref="SessionTracker"/> saw it: for a decrypted wrapper, the inner message; otherwise the
/// message itself. <see cref="Payload"/> points into the caller's frame or scratch buffer.
/// </summary>
public readonly ref struct TrackedMessage
{
    internal TrackedMessage(DecryptionStatus status, SolarEdgeHeader outer, SolarEdgeHeader header, ReadOnlySpan<byte> payload,
        uint inverter, DecryptedWrapper wrapper, SessionChange sessionChange)
    {
        Status = status;
        Outer = outer;
        Header = header;
        Payload = payload;
        Inverter = inverter;
        Wrapper = wrapper;
        SessionChange = sessionChange;
    }

    /// <summary>What was done with the message.</summary>
    public DecryptionStatus Status { get; }

    /// <summary>The header as received (for a wrapper: the outer 0x003D header).</summary>
    public SolarEdgeHeader Outer { get; }

    /// <summary>The message to act on: the inner header when <see cref="DecryptionStatus.Decrypted"/>, else <see cref="Outer"/>.</summary>
    public SolarEdgeHeader Header { get; }

    /// <summary>The payload belonging to <see cref="Header"/> (for an undecryptable wrapper: the wrapper payload).</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>The inverter whose session applied or was changed; 0 when none.</summary>
    public uint Inverter { get; }

    /// <summary>Inner sequence, mask and inner length of a decrypted wrapper.</summary>
    public DecryptedWrapper Wrapper { get; }

    /// <summary>What a 0x0503 (outer or inner) did to the session.</summary>
    public SessionChange SessionChange { get; }

    /// <summary>Whether the message arrived inside a 0x003D wrapper.</summary>
    public bool IsWrapper => Outer.Function == FunctionCode.EncryptedWrapper;
}
