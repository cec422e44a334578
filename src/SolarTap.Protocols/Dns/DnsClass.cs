namespace SolarTap.Protocols.Dns;

/// <summary>Resource record classes (CLASS and QCLASS, RFC 1035 §3.2.4, §3.2.5).</summary>
#pragma warning disable CA1028 // the wire field is 16 bits; the enum mirrors it
public enum DnsClass : ushort
#pragma warning restore CA1028
{
    /// <summary>No class (not used on the wire).</summary>
    None = 0,

    /// <summary>The Internet.</summary>
    IN = 1,

    /// <summary>Chaos (used for <c>version.bind</c> style queries).</summary>
    CH = 3,

    /// <summary>Any class, QCLASS only.</summary>
    ANY = 255,
}
