using System.Buffers.Binary;
using System.Buffers.Text;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;

namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>
/// Writes the JSON lines of a post made only of 0x0080 packed optimizer records (spec §3.4) straight from the
/// wire bytes: exactly the text <see cref="ReadingJsonWriter"/> writes for the readings
/// <see cref="TelemetryDecoder"/> makes of the same post, without making them. Such posts are almost all of a
/// site's traffic, so this is the hot path of <c>solartap pcap</c> and <c>decode</c>. The voltage and current
/// texts come from tables built with the same arithmetic as the readings; everything else is formatted as the
/// reading path formats it.
/// </summary>
public sealed class PackedOptimizerJsonWriter
{
    /// <summary>The most bytes one record's line takes.</summary>
    public const int MaxLineLength = 512;

    private const int MaxCachedPrefixes = 65_536;
    private const uint SecondsPerDay = 86_400;

    private static ReadOnlySpan<byte> TimeStart => "{\"time\":\""u8;
    private const int RecordLength = TelemetryRecordHeader.Size + PackedOptimizerTelemetry.DataLength;

    // Every raw voltage (10 bits) and current (12 bits) as its key and value text, computed as
    // PackedOptimizerTelemetry does; the current's entry also opens the power value that follows it.
    private static readonly byte[][] ModuleVolts = Table(PackedOptimizerWord.TenBits + 1,
        raw => PackedOptimizerWord.VoltsPerStep * raw, Key(Quantity.DcVoltage, first: true), []);

    private static readonly byte[][] OutputVolts = Table(PackedOptimizerWord.TenBits + 1,
        raw => PackedOptimizerWord.VoltsPerStep * raw, Key(Quantity.DcOutputVoltage), []);

    private static readonly byte[][] AmperesThenPower = Table(PackedOptimizerWord.TwelveBits + 1,
        raw => PackedOptimizerWord.AmperesPerStep * raw, Key(Quantity.DcCurrent), Key(Quantity.DcPower));

    private static readonly byte[] EnergyKey = Key(Quantity.EnergyToday);
    private static readonly byte[] TemperatureKey = Key(Quantity.Temperature);
    private static readonly byte[] UptimeKey = Key(Quantity.Uptime);

    private static readonly byte[][] QuarterFractions = [[], ".25"u8.ToArray(), ".5"u8.ToArray(), ".75"u8.ToArray()];

    private readonly Dictionary<ulong, byte[]> _prefixes = [];
    private readonly byte[] _timeText = [.. TimeStart, .. new byte[ReadingJsonWriter.TimeLength]];
    private uint _day = uint.MaxValue;
    private uint _second = uint.MaxValue;

    /// <summary>
    /// Whether <paramref name="payload"/> is one or more whole 0x0080 records of 13 data bytes and nothing else;
    /// <paramref name="records"/> is their count.
    /// </summary>
    public static bool IsPackedOnly(ReadOnlySpan<byte> payload, out int records)
    {
        records = 0;
        if (payload.IsEmpty || payload.Length % RecordLength != 0)
        {
            return false;
        }

        for (int at = 0; at < payload.Length; at += RecordLength)
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(payload[at..]) != (ushort)TelemetryRecordType.PackedOptimizer
                || BinaryPrimitives.ReadUInt16LittleEndian(payload[(at + 6)..]) != PackedOptimizerTelemetry.DataLength)
            {
                return false;
            }
        }

        records = payload.Length / RecordLength;
        return true;
    }

    /// <summary>
    /// Writes one line per record of <paramref name="payload"/>, which <see cref="IsPackedOnly"/> accepted, into
    /// <paramref name="destination"/> (at least <see cref="MaxLineLength"/> bytes per record).
    /// </summary>
    /// <param name="payload">The post's payload.</param>
    /// <param name="sourceAddress">The post's source address: the optimizers' inverter (spec §3.4).</param>
    /// <param name="destination">Where the lines go.</param>
    /// <returns>The bytes written.</returns>
    public int Write(ReadOnlySpan<byte> payload, uint sourceAddress, Span<byte> destination)
    {
        int length = 0;
        for (int at = 0; at + RecordLength <= payload.Length; at += RecordLength)
        {
            uint deviceId = BinaryPrimitives.ReadUInt32LittleEndian(payload[(at + 2)..]);
            length += WriteLine(deviceId, payload.Slice(at + TelemetryRecordHeader.Size, PackedOptimizerTelemetry.DataLength), sourceAddress, destination[length..]);
        }

        return length;
    }

    // spec §3.4: time u32 | uptime u16 | packed word u32 | energy u16 | temperature i8. Values in the order of
    // TelemetryReadings.AddOptimizer.
    private int WriteLine(uint deviceId, ReadOnlySpan<byte> data, uint sourceAddress, Span<byte> line)
    {
        uint time = BinaryPrimitives.ReadUInt32LittleEndian(data);
        ushort uptime = BinaryPrimitives.ReadUInt16LittleEndian(data[4..]);
        uint word = BinaryPrimitives.ReadUInt32LittleEndian(data[6..]);
        ushort energy = BinaryPrimitives.ReadUInt16LittleEndian(data[10..]);
        sbyte temperature = (sbyte)data[12];
        ushort moduleVoltage = PackedOptimizerWord.ModuleVoltage(word);
        ushort moduleCurrent = PackedOptimizerWord.ModuleCurrent(word);

        int at = Append(line, 0, Time(time));
        at = Append(line, at, Prefix(deviceId, sourceAddress));
        at = Append(line, at, ModuleVolts[moduleVoltage]);
        at = Append(line, at, OutputVolts[PackedOptimizerWord.OutputVoltage(word)]);
        at = Append(line, at, AmperesThenPower[moduleCurrent]);
        at += JsonNumber.Write(line[at..], (PackedOptimizerWord.VoltsPerStep * moduleVoltage) * (PackedOptimizerWord.AmperesPerStep * moduleCurrent));
        at = Append(line, at, EnergyKey);
        at = WriteQuarters(line, at, energy);
        at = Append(line, at, TemperatureKey);
        at = WriteInteger(line, at, (int)PackedOptimizerWord.DegreesPerStep * temperature);
        at = Append(line, at, UptimeKey);
        at = WriteInteger(line, at, uptime);
        return Append(line, at, "}}\n"u8);
    }

    // The line's start, {"time":"2016-06-08T12:17:46Z: the date changes once a day, so it is formatted once; the
    // time of day only when the second changes.
    private ReadOnlySpan<byte> Time(uint unixSeconds)
    {
        if (unixSeconds == _second)
        {
            return _timeText;
        }

        Span<byte> text = _timeText.AsSpan(TimeStart.Length);
        uint day = unixSeconds / SecondsPerDay;
        if (day != _day)
        {
            (int year, int month, int dayOfMonth) = TelemetryValue.ToTime(unixSeconds).UtcDateTime;
            ReadingJsonWriter.WriteDate(text, year, month, dayOfMonth);
            _day = day;
        }

        ReadingJsonWriter.WriteTimeOfDay(text, (int)(unixSeconds % SecondsPerDay));
        _second = unixSeconds;
        return _timeText;
    }

    private byte[] Prefix(uint deviceId, uint sourceAddress)
    {
        ulong key = ((ulong)deviceId << 32) | sourceAddress;
        if (!_prefixes.TryGetValue(key, out byte[]? prefix))
        {
            if (_prefixes.Count >= MaxCachedPrefixes)
            {
                _prefixes.Clear();
            }

            prefix = ReadingJsonWriter.Prefix(DeviceIdentityCache.Get(DeviceKind.Optimizer, deviceId, sourceAddress));
            _prefixes.Add(key, prefix);
        }

        return prefix;
    }

    // Whole numbers are written as JsonNumber writes them: plain digits.
    private static int WriteInteger(Span<byte> line, int at, int value)
    {
        Utf8Formatter.TryFormat(value, line[at..], out int written);
        return at + written;
    }

    // Energy in 1/4 Wh (spec §3.4): "12", "12.25", "12.5" or "12.75", as JsonNumber writes 0.25 × n.
    private static int WriteQuarters(Span<byte> line, int at, ushort quarters)
    {
        at = WriteInteger(line, at, quarters >> 2);
        return Append(line, at, QuarterFractions[quarters & 3]);
    }

    private static int Append(Span<byte> line, int at, ReadOnlySpan<byte> text)
    {
        text.CopyTo(line[at..]);
        return at + text.Length;
    }

    private static byte[] Key(Quantity quantity, bool first = false) => ReadingJsonWriter.Key(quantity, Phase.None, first).ToArray();

    private static byte[][] Table(int count, Func<int, double> value, byte[] key, byte[] next)
    {
        var table = new byte[count][];
        Span<byte> text = stackalloc byte[JsonNumber.MaxLength];
        for (int raw = 0; raw < count; raw++)
        {
            table[raw] = [.. key, .. text[..JsonNumber.Write(text, value(raw))], .. next];
        }

        return table;
    }
}
