namespace SolarTap.Protocols.Dhcp;

/// <summary>Text from option values for logs and the lease file.</summary>
internal static class DhcpText
{
    /// <summary>Longest host name kept (a DNS label, RFC 1035 §2.3.4).</summary>
    public const int MaxHostNameLength = 63;

    /// <summary>
    /// A host name (option 12, NVT ASCII, RFC 2132 §3.14) as one printable token: trailing NULs dropped, bytes outside
    /// '!'..'~' replaced by '_', cut to 63 characters; null when empty.
    /// </summary>
    public static string? Sanitise(ReadOnlySpan<byte> value)
    {
        value = value.TrimEnd((byte)0);
        if (value.IsEmpty)
        {
            return null;
        }

        int length = Math.Min(value.Length, MaxHostNameLength);
        return string.Create(length, value[..length].ToArray(), static (chars, bytes) =>
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i] = bytes[i] is >= 0x21 and <= 0x7e ? (char)bytes[i] : '_';
            }
        });
    }
}
