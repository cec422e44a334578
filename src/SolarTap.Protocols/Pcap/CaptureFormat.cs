namespace SolarTap.Protocols.Pcap;

/// <summary>Kind of capture file, known once its first bytes have been read.</summary>
public enum CaptureFormat
{
    /// <summary>Not known yet (too few bytes read), or not a capture file.</summary>
    Unknown,

    /// <summary>Classic libpcap format (draft-ietf-opsawg-pcap), microsecond or nanosecond, either byte order.</summary>
    Pcap,

    /// <summary>pcapng (draft-ietf-opsawg-pcapng), any number of sections in either byte order.</summary>
    PcapNg,
}
