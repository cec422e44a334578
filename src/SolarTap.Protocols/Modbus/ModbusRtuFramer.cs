namespace SolarTap.Protocols.Modbus;

/// <summary>
/// Delimits Modbus RTU frames on a serial line (Modbus over Serial Line v1.02 §2.5.1.1). RTU has no length field:
/// a frame ends after 3.5 character times of silence. Waiting for that silence costs latency and depends on the
/// tty's timing, so the framer ends a frame as soon as its length is known from the function code and byte count
/// (the expected response length), checks the CRC, and uses the silence only to resynchronise: a gap of at least
/// t3.5 drops any partial frame, and after a bad frame every byte is ignored until such a gap.
/// </summary>
/// <remarks>
/// Timing is data: the driver passes the gap it measured before each chunk of bytes and reports idle time, so the
/// framer needs no clock. The inter-character limit t1.5 is not enforced (USB serial adapters deliver bytes in
/// bursts that make it meaningless). One framer per line; the frame is valid until the next call.
/// <code>
/// response lengths (address + PDU + CRC):  exception 5 | 0x03/0x04: 5 + byte count | 0x06/0x10: 8
/// request lengths:                         0x03/0x04/0x06: 8 | 0x10: 9 + byte count
/// </code>
/// </remarks>
public sealed class ModbusRtuFramer
{
    private readonly byte[] _buffer = new byte[ModbusWire.MaxRtuAduSize];
    private int _length;
    private int _frameLength;
    private bool _skipping;

    /// <summary>A framer for <paramref name="role"/> that treats <paramref name="silentInterval"/> (t3.5) as a frame boundary.</summary>
    public ModbusRtuFramer(ModbusRtuRole role, TimeSpan silentInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(silentInterval, TimeSpan.Zero);
        Role = role;
        SilentInterval = silentInterval;
    }

    /// <summary>Whose frames this framer delimits.</summary>
    public ModbusRtuRole Role { get; }

    /// <summary>t3.5 for the line (see <see cref="ModbusRtuTiming.SilentInterval"/>).</summary>
    public TimeSpan SilentInterval { get; }

    /// <summary>The address byte of the last frame returned.</summary>
    public byte Unit => _frameLength > 0 ? _buffer[0] : (byte)0;

    /// <summary>The PDU (function and data, no CRC) of the last frame returned; valid until the next call.</summary>
    public ReadOnlySpan<byte> Pdu => _frameLength > 0 ? _buffer.AsSpan(1, _frameLength - ModbusRtu.Overhead) : default;

    /// <summary>Frames returned, CRC errors, undelimitable frames and truncations since the framer was made.</summary>
    public (long Frames, long CrcErrors, long Invalid, long Truncated, long SkippedBytes) Statistics =>
        (_frames, _crcErrors, _invalid, _truncated, _skippedBytes);

    private long _frames, _crcErrors, _invalid, _truncated, _skippedBytes;

    /// <summary>
    /// Feeds bytes read from the line. <paramref name="gapBefore"/> is the silence measured between the previous byte
    /// and the first of <paramref name="bytes"/> (any value ≥ t3.5 when unknown, such as after a write).
    /// </summary>
    /// <param name="bytes">Bytes in the order received.</param>
    /// <param name="gapBefore">Silence before the first byte.</param>
    /// <param name="consumed">How many bytes were used; call again with the rest (gap zero) after a frame.</param>
    public ModbusRtuStatus Push(ReadOnlySpan<byte> bytes, TimeSpan gapBefore, out int consumed)
    {
        _frameLength = 0;
        consumed = 0;
        if (gapBefore >= SilentInterval)
        {
            if (_length > 0)
            {
                _truncated++;
            }

            _length = 0;
            _skipping = false;
        }

        if (_skipping)
        {
            consumed = bytes.Length;
            _skippedBytes += bytes.Length;
            return ModbusRtuStatus.NeedMoreData;
        }

        while (consumed < bytes.Length)
        {
            int target = FrameLength(_buffer.AsSpan(0, _length));
            if (target < 0)
            {
                return Abandon(ModbusRtuStatus.Invalid, bytes, ref consumed);
            }

            if (target > _length)
            {
                int take = Math.Min(target - _length, bytes.Length - consumed);
                bytes.Slice(consumed, take).CopyTo(_buffer.AsSpan(_length));
                _length += take;
                consumed += take;
                continue;
            }

            ModbusRtuStatus status = Complete(target);
            if (status != ModbusRtuStatus.Frame)
            {
                return Abandon(status, bytes, ref consumed);
            }

            return status;
        }

        int length = FrameLength(_buffer.AsSpan(0, _length));
        if (length < 0)
        {
            return Abandon(ModbusRtuStatus.Invalid, bytes, ref consumed);
        }

        if (length == _length && _length > 0)
        {
            ModbusRtuStatus status = Complete(length);
            return status == ModbusRtuStatus.Frame ? status : Abandon(status, bytes, ref consumed);
        }

        return ModbusRtuStatus.NeedMoreData;
    }

    /// <summary>
    /// Reports that the line has been silent for <paramref name="idle"/> since the last byte. At t3.5 or more a partial
    /// frame is dropped (<see cref="ModbusRtuStatus.Truncated"/>) and skipping after an error ends.
    /// </summary>
    public ModbusRtuStatus Silence(TimeSpan idle)
    {
        _frameLength = 0;
        if (idle < SilentInterval)
        {
            return ModbusRtuStatus.NeedMoreData;
        }

        _skipping = false;
        if (_length == 0)
        {
            return ModbusRtuStatus.NeedMoreData;
        }

        _length = 0;
        _truncated++;
        return ModbusRtuStatus.Truncated;
    }

    /// <summary>Forgets any partial frame and error state (for example after the driver wrote a request).</summary>
    public void Reset()
    {
        _length = 0;
        _frameLength = 0;
        _skipping = false;
    }

    /// <summary>
    /// The full length (address to CRC) of the frame starting with <paramref name="head"/>; a smaller number than the
    /// whole when more header bytes are needed to decide; -1 when the frame cannot be delimited.
    /// </summary>
    private int FrameLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2)
        {
            return 2;
        }

        byte function = head[1];
        if (Role == ModbusRtuRole.Responses)
        {
            if ((function & ModbusWire.ExceptionFlag) != 0)
            {
                return 5;
            }

            switch ((ModbusFunction)function)
            {
                case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters:
                    if (head.Length < 3)
                    {
                        return 3;
                    }

                    return (head[2] & 1) != 0 || head[2] > 2 * ModbusWire.MaxReadRegisters ? -1 : 5 + head[2];
                case ModbusFunction.WriteSingleRegister or ModbusFunction.WriteMultipleRegisters:
                    return 8;
                default:
                    return -1;
            }
        }

        switch ((ModbusFunction)function)
        {
            case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters or ModbusFunction.WriteSingleRegister:
                return 8;
            case ModbusFunction.WriteMultipleRegisters:
                if (head.Length < 7)
                {
                    return 7;
                }

                return (head[6] & 1) != 0 || head[6] > 2 * ModbusWire.MaxWriteRegisters ? -1 : 9 + head[6];
            default:
                return -1;
        }
    }

    private ModbusRtuStatus Complete(int length)
    {
        _length = 0;
        if (!ModbusCrc.Check(_buffer.AsSpan(0, length)))
        {
            _crcErrors++;
            return ModbusRtuStatus.CrcError;
        }

        _frames++;
        _frameLength = length;
        return ModbusRtuStatus.Frame;
    }

    private ModbusRtuStatus Abandon(ModbusRtuStatus status, ReadOnlySpan<byte> bytes, ref int consumed)
    {
        // Serial Line §2.5.1.1: after a bad frame, resynchronise on the next t3.5 silence.
        if (status == ModbusRtuStatus.Invalid)
        {
            _invalid++;
        }

        _length = 0;
        _skipping = true;
        _skippedBytes += bytes.Length - consumed;
        consumed = bytes.Length;
        return status;
    }
}
