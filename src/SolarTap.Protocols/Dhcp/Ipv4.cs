using SolarTap.Protocols.Net;

namespace SolarTap.Protocols.Dhcp;

/// <summary>IPv4 addresses as 32-bit numbers in network order (192.0.2.10 is <c>0xc000020a</c>), for arithmetic.</summary>
internal static class Ipv4
{
    /// <summary>The address as a number; <paramref name="address"/> must be IPv4.</summary>
    public static uint ToUInt32(InetAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        int length = address.WriteTo(bytes);
        return length == 4 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes) : 0;
    }

    /// <summary>The number as an address.</summary>
    public static InetAddress ToAddress(uint value) => InetAddress.FromIPv4(value);

    /// <summary>The mask of a prefix length 0..32, e.g. 24 → 255.255.255.0.</summary>
    public static uint Mask(int prefixLength) => prefixLength <= 0 ? 0 : uint.MaxValue << (32 - Math.Min(prefixLength, 32));

    /// <summary>Dotted-quad text without allocating an <see cref="System.Net.IPAddress"/>.</summary>
    public static string Format(uint value) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value >> 24}.{(value >> 16) & 0xff}.{(value >> 8) & 0xff}.{value & 0xff}");
}
