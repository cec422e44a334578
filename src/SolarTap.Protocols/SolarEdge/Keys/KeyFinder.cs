using System.Buffers;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Parameters;

namespace SolarTap.Protocols.SolarEdge.Keys;

/// <summary>
/// Finds inverter keys in plaintext traffic (spec §4.2 way 3): the portal (0xFFFFFFFD) or a master (0xFFFFFFFE) asks an
/// inverter for parameters 0x0239..0x023C with 0x0012, and the inverter answers each with a 0x0090 of the same sequence,
/// addresses swapped, holding the four key bytes as a type-0 value. Feed it every message of a capture, both directions,
/// requests before their replies; streams may be interleaved in any order. Never throws on bad input.
/// </summary>
/// <remarks>
/// <code>
/// request  0x0012  seq s  0xFFFFFFFD → inverter   payload 39 02
/// reply    0x0090  seq s  inverter → 0xFFFFFFFD   payload v0 v1 v2 v3 00 00    K = v(0239) ‖ v(023A) ‖ v(023B) ‖ v(023C)
/// </code>
/// </remarks>
public sealed class KeyFinder
{
    /// <summary>Unanswered requests remembered at most; older ones are forgotten first.</summary>
    public const int MaxPendingRequests = 64;

    private readonly List<PendingRequest> _pending = [];
    private readonly SortedDictionary<uint, uint?[]> _parts = [];

    /// <summary>Progress for every inverter whose key was asked for, in ascending ID order.</summary>
    public IReadOnlyList<KeySearchProgress> Progress => [.. _parts.Keys.Select(ProgressOf)];

    /// <summary>The complete keys found so far.</summary>
    public IReadOnlyDictionary<uint, InverterKey> Keys
        => _parts.Keys.Select(ProgressOf).Where(p => p.Key is not null).ToDictionary(p => p.InverterId, p => p.Key!);

    /// <summary>The key of <paramref name="inverterId"/> once complete, else <see langword="null"/>.</summary>
    public InverterKey? KeyOf(uint inverterId) => _parts.ContainsKey(inverterId) ? ProgressOf(inverterId).Key : null;

    /// <summary>Looks at one message from a <see cref="SolarEdgeFrameReader"/>.</summary>
    /// <returns><see langword="true"/> when this message completed an inverter's key.</returns>
    public bool Observe(in SolarEdgeFrame frame)
    {
        ReadOnlySequence<byte> payload = frame.Payload;
        if (payload.IsSingleSegment)
        {
            return Observe(frame.Header, payload.FirstSpan);
        }

        return payload.Length <= 256 && Observe(frame.Header, payload.ToArray());
    }

    /// <summary>Looks at one message.</summary>
    /// <returns><see langword="true"/> when this message completed an inverter's key.</returns>
    public bool Observe(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.Function == FunctionCode.CmdParamsGetSingle)
        {
            ObserveRequest(header, payload);
            return false;
        }

        return header.Function == FunctionCode.RespParamsSingle && ObserveReply(header, payload);
    }

    private void ObserveRequest(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.Source is not (SolarEdgeAddress.ConfigurationTool or SolarEdgeAddress.Server)
            || !SessionTracker.IsInverterAddress(header.Destination)
            || !ParameterCodec.TryReadGetRequest(payload, out ushort[] ids, out _)
            || !ids.Any(IsKeyParameter))
        {
            return;
        }

        uint inverter = header.Destination;
        ushort sequence = header.Sequence;
        _pending.RemoveAll(p => p.Inverter == inverter && p.Sequence == sequence);
        if (_pending.Count == MaxPendingRequests)
        {
            _pending.RemoveAt(0);
        }

        _pending.Add(new PendingRequest(inverter, header.Source, header.Sequence, ids));
        if (!_parts.ContainsKey(inverter))
        {
            _parts[inverter] = new uint?[InverterKey.ParameterCount];
        }
    }

    private bool ObserveReply(in SolarEdgeHeader header, ReadOnlySpan<byte> payload)
    {
        uint inverter = header.Source;
        uint requester = header.Destination;
        ushort sequence = header.Sequence;
        int index = _pending.FindIndex(p => p.Inverter == inverter && p.Requester == requester && p.Sequence == sequence);
        if (index < 0 || !ParameterCodec.TryReadValues(payload, out IReadOnlyList<ParameterValue> values, out _))
        {
            return false;
        }

        ushort[] ids = _pending[index].Ids;
        _pending.RemoveAt(index);
        if (values.Count != ids.Length)
        {
            return false;
        }

        uint?[] parts = _parts[inverter];
        bool wasComplete = parts.All(p => p.HasValue);
        for (int i = 0; i < ids.Length; i++)
        {
            if (IsKeyParameter(ids[i]) && values[i].Type == ParameterType.UnsignedInteger)
            {
                parts[ids[i] - InverterKey.FirstParameterId] = values[i].Raw;
            }
        }

        return !wasComplete && parts.All(p => p.HasValue);
    }

    private KeySearchProgress ProgressOf(uint inverter)
    {
        uint?[] parts = _parts[inverter];
        var found = new List<ushort>();
        var missing = new List<ushort>();
        for (int i = 0; i < parts.Length; i++)
        {
            (parts[i].HasValue ? found : missing).Add((ushort)(InverterKey.FirstParameterId + i));
        }

        InverterKey? key = missing.Count == 0
            ? InverterKey.FromParameterValues(parts[0]!.Value, parts[1]!.Value, parts[2]!.Value, parts[3]!.Value)
            : null;
        return new KeySearchProgress(inverter, found, missing, key);
    }

    private static bool IsKeyParameter(ushort id) => id >= InverterKey.FirstParameterId && id < InverterKey.FirstParameterId + InverterKey.ParameterCount;

    private sealed record PendingRequest(uint Inverter, uint Requester, ushort Sequence, ushort[] Ids);
}
