using System.Buffers;
using System.Buffers.Binary;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Parameters;

namespace SolarTap.Testing.Simulators;

/// <summary>
/// A SolarEdge inverter as an RS485 slave (spec §6.2), built on the production framer and encoders: on a 0x0302 grant
/// it sends its post (a new one, or the last one again while it is not acknowledged), waits for the 0x0080 ACK, then
/// releases the bus with 0x039A carrying the grant's sequence; with nothing to send it releases at once. It answers
/// 0x0012 parameter reads (the key parameters 0x0239-0x023C among them, spec §4.2) with 0x0090. Behaviours for tests:
/// <see cref="Silent"/>, <see cref="CorruptEvery"/> (CRC noise), <see cref="ReleasesBus"/> (newer firmware never does).
/// Not thread-safe: feed it from one thread.
/// </summary>
public sealed class SolarEdgeRs485Slave
{
    private readonly SolarEdgeFrameReader _framer = new();
    private readonly List<byte> _buffer = [];
    private byte[]? _unacknowledged;
    private ushort _unacknowledgedSequence;
    private ushort? _grantWaitingForAck;
    private ushort _sequence = 0x0100;
    private int _sent;

    /// <summary>A slave with inverter ID <paramref name="id"/>.</summary>
    public SolarEdgeRs485Slave(uint id)
    {
        Id = id;
    }

    /// <summary>The inverter ID it answers to.</summary>
    public uint Id { get; }

    /// <summary>Never sends anything (a slave that is switched off or mis-wired).</summary>
    public bool Silent { get; set; }

    /// <summary>When above 0, every Nth message it sends, starting with the first, has a bit flipped, so its CRC fails.</summary>
    public int CorruptEvery { get; set; }

    /// <summary>Whether it ends a grant with 0x039A (default true).</summary>
    public bool ReleasesBus { get; set; } = true;

    /// <summary>Optimizer records per post (packed 0x0080 records built by <see cref="SyntheticPosts"/>).</summary>
    public int Optimizers { get; set; } = 4;

    /// <summary>New posts it has to send: one per grant until this runs out (default: always one).</summary>
    public int PostsToSend { get; set; } = int.MaxValue;

    /// <summary>Its Polestar parameters, answered to 0x0012 (spec §2.3); all type 0 (unsigned).</summary>
    public Dictionary<ushort, uint> Parameters { get; } = [];

    /// <summary>The inverter clock written into posts (UTC Unix seconds); advanced by one per post.</summary>
    public uint Timestamp { get; set; } = 1_750_000_000;

    /// <summary>Grants addressed to it (counted even while <see cref="Silent"/>).</summary>
    public int Grants { get; private set; }

    /// <summary>Its posts the master acknowledged.</summary>
    public int Acknowledged { get; private set; }

    /// <summary>Every message it sent (as meant, before any corruption).</summary>
    public List<SolarEdgeHeader> SentHeaders { get; } = [];

    /// <summary>Sets the four key parameters from a 16-byte key (spec §4.2).</summary>
    public void SetKey(ReadOnlySpan<byte> key)
    {
        for (int i = 0; i < 4; i++)
        {
            Parameters[(ushort)(0x0239 + i)] = BinaryPrimitives.ReadUInt32LittleEndian(key[(4 * i)..]);
        }
    }

    /// <summary>Takes bytes seen on the bus; returns what the slave sends in answer, in order.</summary>
    public IReadOnlyList<byte[]> Receive(ReadOnlySpan<byte> bytes)
    {
        var replies = new List<byte[]>();
        _buffer.AddRange(bytes);
        var sequence = new ReadOnlySequence<byte>([.. _buffer]);
        long before = sequence.Length;
        while (_framer.TryReadFrame(ref sequence, out SolarEdgeFrame frame) == OperationStatus.Done)
        {
            if (frame.Destination == Id)
            {
                Handle(frame.Header, frame.Payload.ToArray(), replies);
            }
        }

        _buffer.RemoveRange(0, (int)(before - sequence.Length));
        return replies;
    }

    private void Handle(SolarEdgeHeader header, byte[] payload, List<byte[]> replies)
    {
        if (header.Function == FunctionCode.CmdPolestarMasterGrant)
        {
            Grants++;
        }

        if (Silent)
        {
            return;
        }

        switch (header.Function)
        {
            case FunctionCode.CmdPolestarMasterGrant:
                if (_unacknowledged is null && PostsToSend > 0)
                {
                    PostsToSend--;
                    _unacknowledgedSequence = Next();
                    _unacknowledged = SyntheticPosts.OptimizerPost(Id, _unacknowledgedSequence, Optimizers, Timestamp++, Grants);
                }

                if (_unacknowledged is not null)
                {
                    _grantWaitingForAck = header.Sequence; // spec §6.2: re-sent unchanged until acknowledged
                    replies.Add(Emit(_unacknowledged));
                }
                else
                {
                    Release(header.Sequence, replies);
                }

                break;
            case FunctionCode.RespAck when _unacknowledged is not null && header.Sequence == _unacknowledgedSequence:
                Acknowledged++;
                _unacknowledged = null;
                if (_grantWaitingForAck is { } grant)
                {
                    _grantWaitingForAck = null;
                    Release(grant, replies);
                }

                break;
            case FunctionCode.CmdParamsGetSingle:
                replies.Add(Emit(SolarEdgeFrameWriter.ToArray(header.ReplyWith(FunctionCode.RespParamsSingle), ParameterAnswer(payload))));
                break;
        }
    }

    private byte[] ParameterAnswer(byte[] request)
    {
        ParameterCodec.TryReadGetRequest(request, out ushort[] ids, out _);
        var answer = new byte[ids.Length * ParameterCodec.EntryLength];
        for (int i = 0; i < ids.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(answer.AsSpan(i * ParameterCodec.EntryLength), Parameters.GetValueOrDefault(ids[i]));
        }

        return answer; // type 0 (unsigned) for every value, spec §2.3
    }

    private void Release(ushort grant, List<byte[]> replies)
    {
        if (ReleasesBus)
        {
            replies.Add(Emit(SolarEdgeFrameWriter.ToArray(new SolarEdgeHeader(grant, Id, SolarEdgeAddress.Server, FunctionCode.RespPolestarMasterGrantAck), [])));
        }
    }

    private byte[] Emit(byte[] message)
    {
        if (SolarEdgeFrameReader.TryParse(message, out SolarEdgeHeader header, out _))
        {
            SentHeaders.Add(header);
        }

        _sent++;
        if (CorruptEvery > 0 && (_sent - 1) % CorruptEvery == 0)
        {
            byte[] corrupt = [.. message];
            corrupt[SolarEdgeWire.HeaderSize - 1] ^= 0x40; // a flipped bit in the function code: the CRC no longer matches
            return corrupt;
        }

        return message;
    }

    private ushort Next() => _sequence = _sequence == ushort.MaxValue ? (ushort)1 : (ushort)(_sequence + 1);
}
