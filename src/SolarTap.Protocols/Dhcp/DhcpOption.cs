namespace SolarTap.Protocols.Dhcp;

/// <summary>One option of a <see cref="DhcpMessage"/>: its code and value bytes (RFC 2132 §2).</summary>
public readonly ref struct DhcpOption
{
    internal DhcpOption(byte code, ReadOnlySpan<byte> value)
    {
        Code = code;
        Value = value;
    }

    /// <summary>Option code.</summary>
    public byte Code { get; }

    /// <summary>Value bytes (without code and length).</summary>
    public ReadOnlySpan<byte> Value { get; }
}
