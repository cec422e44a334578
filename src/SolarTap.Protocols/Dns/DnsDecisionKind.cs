namespace SolarTap.Protocols.Dns;

/// <summary>What the service does with a query after <see cref="DnsServerEngine.Handle"/>.</summary>
public enum DnsDecisionKind
{
    /// <summary>Send nothing: not a query (QR set), or too broken to answer (no readable header).</summary>
    Drop = 0,

    /// <summary>Send the response the engine wrote.</summary>
    Answer,

    /// <summary>Relay the query unchanged to the upstream resolver and return its reply (see <see cref="DnsForwarding"/>).</summary>
    Forward,
}
