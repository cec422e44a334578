using System.Buffers;
using System.Globalization;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;

namespace SolarTap.Supervisor.Simulation;

/// <summary>What the simulator does with the server's bytes: check and apply replies (spec §5.2).</summary>
public sealed partial class SolarEdgeInverterSimulator
{
    private ushort? _lastTimeAnswered;

    /// <summary>Takes bytes from the server at true time <paramref name="now"/>; they may split or join messages.</summary>
    public void Receive(ReadOnlySpan<byte> bytes, DateTimeOffset now)
    {
        _received.AddRange(bytes);
        var buffer = new ReadOnlySequence<byte>(_received.ToArray());
        long before = buffer.Length;
        while (_framer.TryReadFrame(ref buffer, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            OnFrame(frame.Header, frame.Payload.ToArray(), now);
        }

        _received.RemoveRange(0, (int)(before - buffer.Length));
    }

    private void OnFrame(in SolarEdgeHeader outer, byte[] payload, DateTimeOffset now)
    {
        if (outer.Function != FunctionCode.EncryptedWrapper)
        {
            if (IsEncrypted)
            {
                // spec §5.2 (PR #82): an encrypted inverter goes silent on a plaintext answer.
                Problem($"plaintext {outer.Function} (seq {outer.Sequence}) while encrypted: ignored");
                return;
            }

            OnReply(outer, payload, now);
            return;
        }

        if (_cipher is null)
        {
            Problem($"0x003D (seq {outer.Sequence}) but no session was announced");
            return;
        }

        if (outer.Source != SolarEdgeAddress.ConfigurationTool || outer.Destination != SolarEdgeAddress.Broadcast)
        {
            Problem($"server wrapper from {outer.Source:X8} to {outer.Destination:X8}, expected FFFFFFFD → FFFFFFFF (spec §4.4)");
        }

        WrapperStatus status = _cipher.TryUnwrap(payload, _scratch, out DecryptedWrapper wrapper, out SolarEdgeHeader inner, out Range range);
        if (status != WrapperStatus.Decrypted)
        {
            Problem($"server wrapper (seq {outer.Sequence}) does not decrypt with the session: {status}");
            return;
        }

        OnReply(inner, _scratch.AsSpan(0, wrapper.InnerLength)[range].ToArray(), now, wrapped: true);
    }

    private void OnReply(in SolarEdgeHeader header, byte[] payload, DateTimeOffset now, bool wrapped = false)
    {
        if (header.Source != SolarEdgeAddress.Server || header.Destination != _options.InverterId)
        {
            Problem($"{header.Function} (seq {header.Sequence}) from {header.Source:X8} to {header.Destination:X8}, expected FFFFFFFE → {_options.InverterId:X8}");
        }

        switch (header.Function)
        {
            case FunctionCode.RespAck:
                OnAck(header.Sequence, payload, wrapped, now);
                break;
            case FunctionCode.RespServerGmt:
                OnTime(header.Sequence, payload, now);
                break;
            default:
                Problem($"unexpected {header.Function} (seq {header.Sequence})");
                break;
        }
    }

    private void OnAck(ushort sequence, byte[] payload, bool wrapped, DateTimeOffset now)
    {
        if (payload.Length != 0)
        {
            Problem($"ACK (seq {sequence}) with {payload.Length} payload bytes, expected none");
        }

        if (_announcement is not null && sequence == _announcement.Sequence && !SessionAcknowledged)
        {
            // Only a wrapped ACK made with the new session reaches this point (spec §5.2).
            SessionAcknowledged = wrapped;
            _announcement.SentAt = null;
            return;
        }

        if (InFlight is not null && sequence == InFlight.Sequence)
        {
            AcknowledgedPosts.Add(sequence);
            if (InFlight.SentAt is DateTimeOffset sent)
            {
                AckLatencies.Add(now - sent);
            }

            InFlight = _queue.TryDequeue(out SimulatedMessage? next) ? next : null;
            return;
        }

        if (AcknowledgedPosts.Contains(sequence) || (SessionAcknowledged && sequence == _announcement?.Sequence))
        {
            DuplicateAcks++;
            return;
        }

        Problem($"ACK for seq {sequence}, which is not in flight (spec §1.4)");
    }

    private void OnTime(ushort sequence, byte[] payload, DateTimeOffset now)
    {
        if (sequence == _lastTimeAnswered && sequence != _timeRequest?.Sequence)
        {
            DuplicateAcks++; // the answer to a re-sent request that was answered already (a newer one may be open)
            return;
        }

        if (_timeRequest is null || sequence != _timeRequest.Sequence)
        {
            Problem($"0x0580 with seq {sequence}, no time request with that sequence is open");
            return;
        }

        if (!ServerTimePayload.TryRead(payload, out DateTimeOffset utc, out TimeSpan offset))
        {
            Problem(string.Create(CultureInfo.InvariantCulture, $"0x0580 with {payload.Length} payload bytes, expected 8"));
            return;
        }

        _lastTimeAnswered = sequence;
        _timeRequest = null;
        TimeRequestsAnswered++;
        LastServerTime = (utc, offset);
        ClockCorrection = utc - DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()); // the inverter takes the server's clock
    }

    private void Problem(string text) => Problems.Add(text);
}
