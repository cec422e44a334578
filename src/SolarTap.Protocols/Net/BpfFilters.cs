namespace SolarTap.Protocols.Net;

/// <summary>
/// Classic BPF programs for the kernel's socket filter (SO_ATTACH_FILTER), so a live capture copies only the frames
/// it needs to user space. Pure: the program is data, attached by SolarTap.Linux.
/// </summary>
public static class BpfFilters
{
    /// <summary>The most ports one program may test: every jump offset must fit in a byte.</summary>
    public const int MaxPorts = 64;

    /// <summary>The snapshot length accepted frames keep by default: all of them (GSO frames on a bridge or veth exceed 64 KiB).</summary>
    public const uint DefaultSnapLength = 262_144;

    // Offsets in an Ethernet II frame (no VLAN tag: the kernel strips it into metadata before packet sockets see it).
    private const uint EtherTypeOffset = 12;
    private const uint IPv4Offset = 14;
    private const uint IPv4ProtocolOffset = IPv4Offset + 9;
    private const uint IPv4FragmentOffset = IPv4Offset + 6;
    private const ushort FragmentOffsetMask = 0x1FFF;
    private const byte ProtocolTcp = 6;

    /// <summary>
    /// "IPv4 TCP, not a later fragment, with source or destination port in <paramref name="ports"/>" for frames with
    /// an Ethernet II header (Ethernet, a Linux bridge, loopback). An empty list keeps every IPv4 TCP segment.
    /// </summary>
    /// <remarks>
    /// <code>
    ///      ldh [12]              ; EtherType
    ///      jeq #0x0800, 0, drop  ; IPv4 (RFC 894)
    ///      ldb [23]              ; protocol (RFC 791 §3.1)
    ///      jeq #6, 0, drop       ; TCP
    ///      ldh [20]              ; flags and fragment offset
    ///      jset #0x1fff, drop, 0 ; a later fragment has no TCP header
    ///      ldxb 4*([14]&amp;0xf)     ; X = IPv4 header length
    ///      ldh [x+14]            ; source port (RFC 9293 §3.1)
    ///      jeq #p1, accept, 0    ; ... one per port
    ///      ldh [x+16]            ; destination port
    ///      jeq #p1, accept, 0    ; ... one per port, the last one falls to drop
    /// accept: ret #snap
    /// drop:   ret #0
    /// </code>
    /// </remarks>
    /// <param name="ports">The TCP ports; duplicates are tested once.</param>
    /// <param name="snapLength">Bytes of an accepted frame to keep.</param>
    /// <exception cref="ArgumentException">More than <see cref="MaxPorts"/> distinct ports, or a port of 0.</exception>
    public static BpfInstruction[] TcpPorts(IEnumerable<ushort> ports, uint snapLength = DefaultSnapLength)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentOutOfRangeException.ThrowIfZero(snapLength);
        ushort[] distinct = [.. ports.Distinct()];
        if (distinct.Length > MaxPorts)
        {
            throw new ArgumentException($"A capture filter tests at most {MaxPorts} ports; {distinct.Length} were given.", nameof(ports));
        }

        if (Array.IndexOf(distinct, (ushort)0) >= 0)
        {
            throw new ArgumentException("Port 0 is not a TCP port.", nameof(ports));
        }

        int n = distinct.Length;
        int portTests = n == 0 ? 0 : 2 + (2 * n); // two loads and one jeq per port per direction
        int accept = 7 + portTests;
        int drop = accept + 1;
        var program = new List<BpfInstruction>(drop + 1)
        {
            new(BpfInstruction.LoadHalfAbsolute, 0, 0, EtherTypeOffset),
        };
        program.Add(new(BpfInstruction.JumpIfEqual, 0, JumpTo(program.Count, drop), EtherTypes.IPv4));
        program.Add(new(BpfInstruction.LoadByteAbsolute, 0, 0, IPv4ProtocolOffset));
        program.Add(new(BpfInstruction.JumpIfEqual, 0, JumpTo(program.Count, drop), ProtocolTcp));
        program.Add(new(BpfInstruction.LoadHalfAbsolute, 0, 0, IPv4FragmentOffset));
        program.Add(new(BpfInstruction.JumpIfAnySet, JumpTo(program.Count, drop), 0, FragmentOffsetMask));
        program.Add(new(BpfInstruction.LoadIPv4HeaderLength, 0, 0, IPv4Offset));
        if (n > 0)
        {
            foreach (uint portOffset in (uint[])[IPv4Offset, IPv4Offset + 2])
            {
                program.Add(new(BpfInstruction.LoadHalfIndirect, 0, 0, portOffset));
                for (int i = 0; i < n; i++)
                {
                    bool lastTest = portOffset != IPv4Offset && i == n - 1;
                    program.Add(new(BpfInstruction.JumpIfEqual, JumpTo(program.Count, accept), lastTest ? JumpTo(program.Count, drop) : (byte)0, distinct[i]));
                }
            }
        }

        program.Add(new(BpfInstruction.Return, 0, 0, snapLength));
        program.Add(new(BpfInstruction.Return, 0, 0, 0));
        return [.. program];
    }

    /// <summary>The offset of a jump at <paramref name="from"/> to <paramref name="to"/> (counted from the next instruction).</summary>
    private static byte JumpTo(int from, int to) => checked((byte)(to - from - 1));
}
