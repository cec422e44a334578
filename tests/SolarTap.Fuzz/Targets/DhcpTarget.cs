using SolarTap.Protocols.Dhcp;
using SolarTap.Protocols.Net;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The DHCP codec and server engine: every input is read; a readable one is handled by a long-lived engine that
/// answers any MAC, and its reply must read back as a BOOTREPLY that fits the buffer.
/// </summary>
internal sealed class DhcpTarget : IFuzzTarget
{
    private readonly DhcpServerEngine _engine = new(new DhcpServerOptions { AllowAnyMac = true });
    private readonly byte[] _reply = new byte[1500];
    private DateTimeOffset _now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public string Name => "dhcp";

    public IEnumerable<byte[]> Seeds()
    {
        byte[] mac = [0x00, 0x27, 0x02, 0x1a, 0x08, 0x23];
        yield return Build(1, mac, "350101 3d07010027021a0823 39020240 37070103060c0f1c2a 0c04736f6c61");
        yield return Build(1, mac, "350103 3204ac1ffe0a 3604ac1ffe01 370401030f06");
        yield return Build(1, mac, "350103 3d0aff0102030400010001aa");
        yield return Build(1, mac, "350108 340103");
        yield return Build(1, mac, "350107 3604ac1ffe01");
        yield return Build(1, mac, "350104 3204ac1ffe0a");
    }

    public void Run(byte[] input)
    {
        if (DhcpMessage.TryRead(input, out DhcpMessage message) != DhcpReadStatus.Ok)
        {
            return;
        }

        _now += TimeSpan.FromSeconds(input.Length);
        DhcpDecision decision = _engine.Handle(message, _now, _reply);
        if (decision.HasReply)
        {
            if (decision.ReplyLength > _reply.Length
                || DhcpMessage.TryRead(_reply.AsSpan(0, decision.ReplyLength), out DhcpMessage reply) != DhcpReadStatus.Ok
                || reply.Op != DhcpMessage.BootReply || reply.TransactionId != message.TransactionId || reply.MessageType != decision.ReplyType)
            {
                throw new InvalidOperationException("The engine wrote a reply that does not read back.");
            }
        }

        if (input.Length % 7 == 0)
        {
            _engine.Expire(_now);
            _ = _engine.Leases.Import(_engine.Leases.Export());
        }
    }

    private static byte[] Build(byte op, byte[] mac, string optionsHex)
    {
        var packet = new byte[DhcpMessage.FixedLength];
        packet[0] = op;
        packet[1] = 1;
        packet[2] = (byte)mac.Length;
        packet[4] = 0x12;
        mac.CopyTo(packet, 28);
        packet[236] = 99;
        packet[237] = 130;
        packet[238] = 83;
        packet[239] = 99;
        byte[] options = Convert.FromHexString(string.Concat(optionsHex.Where(char.IsAsciiHexDigit)));
        return [.. packet, .. options, DhcpOptionCodes.End];
    }
}
