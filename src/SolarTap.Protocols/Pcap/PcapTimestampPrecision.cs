namespace SolarTap.Protocols.Pcap;

/// <summary>Unit of the fractional timestamp field of a classic pcap file, chosen by its magic number.</summary>
public enum PcapTimestampPrecision
{
    /// <summary>Microseconds (magic 0xa1b2c3d4).</summary>
    Microseconds,

    /// <summary>Nanoseconds (magic 0xa1b23c4d).</summary>
    Nanoseconds,
}
