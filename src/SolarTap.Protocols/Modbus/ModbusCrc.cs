namespace SolarTap.Protocols.Modbus;

/// <summary>
/// CRC-16/MODBUS of an RTU frame (Modbus over Serial Line v1.02 §2.5.1.2 and Appendix B): reflected polynomial
/// 0xA001, register preset to 0xFFFF, no final XOR. The CRC goes on the wire low byte first.
/// </summary>
/// <remarks>
/// <code>
/// | address | function | data ... | CRC low | CRC high |
/// </code>
/// Example from the field: 01 03 00 00 00 0A is followed by C5 CD.
/// </remarks>
public static class ModbusCrc
{
    /// <summary>Register preset (Serial Line Appendix B: "Load a 16-bit register with FFFF hex").</summary>
    public const ushort InitialValue = 0xFFFF;

    private const ushort ReflectedPolynomial = 0xA001;

    private static readonly ushort[] Table = BuildTable();

    /// <summary>CRC of <paramref name="data"/> from the preset.</summary>
    public static ushort Compute(ReadOnlySpan<byte> data) => Update(InitialValue, data);

    /// <summary>Continues <paramref name="crc"/> over <paramref name="data"/>.</summary>
    public static ushort Update(ushort crc, ReadOnlySpan<byte> data)
    {
        ushort[] table = Table;
        uint c = crc;
        foreach (byte b in data)
        {
            c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return (ushort)c;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are the CRC of the rest, low byte first.</summary>
    public static bool Check(ReadOnlySpan<byte> frame)
    {
        if (frame.Length < 3)
        {
            return false;
        }

        ushort crc = Compute(frame[..^2]);
        return frame[^2] == (byte)crc && frame[^1] == (byte)(crc >> 8);
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (int i = 0; i < 256; i++)
        {
            uint c = (uint)i;
            for (int bit = 0; bit < 8; bit++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ ReflectedPolynomial : c >> 1;
            }

            table[i] = (ushort)c;
        }

        return table;
    }
}
