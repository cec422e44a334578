namespace SolarTap.Protocols.Net;

/// <summary>Why <see cref="TcpReassembler"/> ended a flow.</summary>
public enum TcpCloseReason
{
    /// <summary>The sender's FIN was reached in sequence: the stream ended normally.</summary>
    Fin,

    /// <summary>The sender sent RST.</summary>
    Reset,

    /// <summary>No segment for longer than the idle timeout (spec §5.4 rule 4: 1 h).</summary>
    Idle,

    /// <summary>Closed to make room for a new flow (flow limit reached).</summary>
    Evicted,

    /// <summary>A SYN with a new initial sequence number started another connection on the same addresses and ports.</summary>
    Replaced,

    /// <summary>The capture ended (<see cref="TcpReassembler.Complete"/>).</summary>
    EndOfCapture,
}
