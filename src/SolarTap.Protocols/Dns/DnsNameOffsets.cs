using System.Runtime.CompilerServices;

namespace SolarTap.Protocols.Dns;

/// <summary>Offsets of names already written in a message, for compression (RFC 1035 §4.1.4); inline, no allocation.</summary>
[InlineArray(Capacity)]
internal struct DnsNameOffsets
{
    /// <summary>How many names are remembered; later names are written but not offered as targets.</summary>
    public const int Capacity = 48;

#pragma warning disable IDE0044, IDE0051, CA1823 // the inline array's element field
    private ushort _element;
#pragma warning restore IDE0044, IDE0051, CA1823
}
