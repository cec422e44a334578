using SolarTap.Devices.Serial;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Testing;
using SolarTap.Testing.Serial;

namespace SolarTap.Fuzz.Targets;

/// <summary>
/// The serial receiver (SolarEdge framing over a line with idle-gap abandonment, spec §1.5) on mutated RS485 traffic:
/// it must never throw, must end, and every message it returns must be a whole, checked message.
/// </summary>
internal sealed class SerialReceiverTarget : IFuzzTarget
{
    public string Name => "serial-receiver";

    public IEnumerable<byte[]> Seeds()
    {
        var grant = new SolarEdgeHeader(0x0180, SolarEdgeAddress.Server, 0x7F10_4920, FunctionCode.CmdPolestarMasterGrant);
        byte[] post = SyntheticPosts.OptimizerPost(0x7F10_4920, 0x0181, 3, 1_750_000_000);
        byte[] release = SolarEdgeFrameWriter.ToArray(grant.ReplyWith(FunctionCode.RespPolestarMasterGrantAck), []);
        yield return [.. SolarEdgeFrameWriter.ToArray(grant, []), .. post, .. release];
        yield return [.. post.AsSpan(0, 30), .. post];
    }

    public void Run(byte[] input)
    {
        var line = FakeSerialLine.Create();
        line.A.Inject(input);
        var clock = new SteppedClock(DateTimeOffset.UnixEpoch);
        var receiver = new SolarEdgeSerialReceiver(new ClockedSerialPort(line.A, clock), clock);
        int messages = 0;
        while (receiver.Receive(TimeSpan.FromSeconds(1)) is { } message)
        {
            if (++messages > input.Length / SolarEdgeWire.Overhead)
            {
                throw new InvalidOperationException("more messages than the input can hold");
            }

            byte[] again = SolarEdgeFrameWriter.ToArray(message.Header, message.Payload);
            if (input.AsSpan().IndexOf(again) < 0)
            {
                throw new InvalidOperationException("a returned message is not in the input");
            }
        }

        if (receiver.Pending != 0 && clock.Elapsed < SolarEdgeSerialReceiver.IdleGap)
        {
            throw new InvalidOperationException("bytes left without waiting for the idle gap");
        }
    }
}
