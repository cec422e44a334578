using System.Buffers;

namespace SolarTap.Protocols.Modbus;

/// <summary>One Modbus TCP ADU found by <see cref="ModbusTcpFramer"/>; the PDU is a slice of the reader's buffer.</summary>
/// <param name="Header">The MBAP header.</param>
/// <param name="Pdu">Function code and data; valid until the buffer it came from is advanced.</param>
public readonly record struct ModbusTcpFrame(MbapHeader Header, ReadOnlySequence<byte> Pdu);
