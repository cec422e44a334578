namespace SolarTap.Protocols.Pcap;

/// <summary>pcapng block types and option codes used here (draft-ietf-opsawg-pcapng §4, §10.1).</summary>
internal static class BlockTypes
{
    public const uint SectionHeader = 0x0A0D0D0A;
    public const uint InterfaceDescription = 0x00000001;
    public const uint ObsoletePacket = 0x00000002;
    public const uint SimplePacket = 0x00000003;
    public const uint EnhancedPacket = 0x00000006;
    public const uint ByteOrderMagic = 0x1A2B3C4D;

    public const ushort OptionEnd = 0;
    public const ushort OptionTimestampResolution = 9; // if_tsresol
    public const ushort OptionTimestampOffset = 14;    // if_tsoffset

    /// <summary>The section header type is a palindrome: the same four bytes in either byte order.</summary>
    public static ReadOnlySpan<byte> SectionHeaderBytes => [0x0A, 0x0D, 0x0D, 0x0A];
}
