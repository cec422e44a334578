namespace SolarTap.Protocols.Dns;

/// <summary>What a response needs from its query: the header (ID, opcode, RD, CD), the parsed shape and the size limit.</summary>
/// <param name="Query">The query's header.</param>
/// <param name="Shape">The query's question and EDNS facts.</param>
/// <param name="Limit">Most bytes the client accepts.</param>
internal readonly record struct DnsReplyContext(DnsHeader Query, DnsQueryShape Shape, int Limit);
