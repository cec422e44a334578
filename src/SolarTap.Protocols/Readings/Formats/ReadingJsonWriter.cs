using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SolarTap.Protocols.Readings.Formats;

/// <summary>
/// SolarTap's JSON-lines form of a reading, one object per line:
/// <c>{"time":"2016-06-08T12:17:46Z","kind":"optimizer","device":"2023765D","parent":"7E1A06DB","values":{"DcVoltage":27,"AcVoltage.L1":231.5}}</c>.
/// Each value is in the fixed unit of its quantity (<see cref="QuantityInfo.UnitOf"/>; docs/readings.md lists them).
/// Per-phase keys carry the phase after a dot; a missing value is null. Written from pre-encoded fragments: this is
/// the hot path of 'solartap pcap'.
/// </summary>
public sealed class ReadingJsonWriter
{
    private const int MaxCachedTexts = 65_536;
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly int PhaseCount = Enum.GetValues<Phase>().Length;
    private static readonly byte[][] FirstKeys = BuildKeys(separator: "");
    private static readonly byte[][] NextKeys = BuildKeys(separator: ",");
    private static readonly int MaxKeyLength = NextKeys.Max(k => k.Length);
    // Keyed by reference: producers cache their identities, so a device's identity is the same object every time.
    private static readonly ConcurrentDictionary<DeviceIdentity, byte[]> Prefixes = new(ReferenceEqualityComparer.Instance);

    private byte[] _buffer = new byte[1024];
    private int _length;

    /// <summary>Formats <paramref name="reading"/> as one line (UTF-8, ending in '\n'); valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        IReadOnlyList<Measurement> values = reading.Values;
        // Worst case per value: the longest key, a number, a comma; plus the fixed parts and two serials.
        byte[] prefix = Prefix(reading.Device);
        Reserve(64 + prefix.Length + (values.Count * (MaxKeyLength + JsonNumber.MaxLength)));
        _length = 0;
        Append("{\"time\":\""u8);
        _length += WriteTime(_buffer.AsSpan(_length), reading.Timestamp);
        Append(prefix);
        for (int i = 0; i < values.Count; i++)
        {
            Measurement m = values[i];
            Append(Key(m.Quantity, m.Phase, first: i == 0));
            if (double.IsFinite(m.Value))
            {
                _length += JsonNumber.Write(_buffer.AsSpan(_length), m.Value);
            }
            else
            {
                Append("null"u8);
            }
        }

        Append("}}\n"u8);
        return _buffer.AsSpan(0, _length);
    }

    /// <summary>The longest text <see cref="WriteTime"/> writes.</summary>
    internal const int TimeLength = 20;

    /// <summary>Writes <paramref name="time"/> in UTC as <c>2016-06-08T12:17:46Z</c> (whole seconds); returns 20.</summary>
    internal static int WriteTime(Span<byte> destination, DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        (int year, int month, int day) = utc;
        WriteDate(destination, year, month, day);
        WriteTimeOfDay(destination, (int)(utc.Ticks % TimeSpan.TicksPerDay / TimeSpan.TicksPerSecond));
        return TimeLength;
    }

    /// <summary>Writes <c>2016-06-08T</c>, the first 11 bytes of <see cref="WriteTime"/>.</summary>
    internal static void WriteDate(Span<byte> destination, int year, int month, int day)
    {
        _ = destination[TimeLength - 1];
        WriteDigits(destination, year, 4);
        destination[4] = (byte)'-';
        WriteDigits(destination[5..], month, 2);
        destination[7] = (byte)'-';
        WriteDigits(destination[8..], day, 2);
        destination[10] = (byte)'T';
    }

    /// <summary>Writes <c>12:17:46Z</c> at byte 11 of a <see cref="WriteTime"/> text.</summary>
    internal static void WriteTimeOfDay(Span<byte> destination, int secondOfDay)
    {
        _ = destination[TimeLength - 1];
        int hour = Math.DivRem(secondOfDay, 3600, out int rest);
        int minute = Math.DivRem(rest, 60, out int second);
        WriteDigits(destination[11..], hour, 2);
        destination[13] = (byte)':';
        WriteDigits(destination[14..], minute, 2);
        destination[16] = (byte)':';
        WriteDigits(destination[17..], second, 2);
        destination[19] = (byte)'Z';
    }

    /// <summary>The <c>"Name":</c> fragment of a value, with a leading comma unless it is the first.</summary>
    internal static ReadOnlySpan<byte> Key(Quantity quantity, Phase phase, bool first)
        => (first ? FirstKeys : NextKeys)[((int)quantity * PhaseCount) + (int)phase];

    /// <summary>The lower-case name of a device kind used in every output format.</summary>
    public static string KindName(DeviceKind kind) => kind switch
    {
        DeviceKind.Inverter => "inverter",
        DeviceKind.Optimizer => "optimizer",
        DeviceKind.Meter => "meter",
        DeviceKind.Battery => "battery",
        DeviceKind.Charger => "charger",
        DeviceKind.Appliance => "appliance",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>"AcVoltage" or, for a phase value, "AcVoltage.L1".</summary>
    public static string ValueKey(Measurement measurement) => ValueKey(measurement.Quantity, measurement.Phase);

    private static string ValueKey(Quantity quantity, Phase phase) => phase == Phase.None ? quantity.ToString() : $"{quantity}.{phase}";

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Reserve(int size)
    {
        if (_buffer.Length < size)
        {
            _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
        }
    }

    /// <summary>
    /// Everything from the end of the time to the opening of the values, for one device:
    /// <c>","kind":"optimizer","device":"2023765D","parent":"7E1A06DB","values":{</c>. Encoded once per identity.
    /// </summary>
    internal static byte[] Prefix(DeviceIdentity device)
    {
        if (Prefixes.TryGetValue(device, out byte[]? prefix))
        {
            return prefix;
        }

        string parent = device.Parent is null ? "" : $",\"parent\":{Quoted(device.Parent)}";
        prefix = Utf8($"\",\"kind\":\"{KindName(device.Kind)}\",\"device\":{Quoted(device.Serial)}{parent},\"values\":{{");
        if (Prefixes.Count < MaxCachedTexts)
        {
            Prefixes.TryAdd(device, prefix);
        }

        return prefix;
    }

    private static void WriteDigits(Span<byte> destination, int value, int count)
    {
        for (int i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string Quoted(string value) => $"\"{JsonEncodedText.Encode(value, Encoder)}\"";

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // One "Name": fragment per (quantity, phase), indexed quantity * PhaseCount + phase; separator "," for a following key.
    private static byte[][] BuildKeys(string separator)
    {
        Quantity[] quantities = Enum.GetValues<Quantity>();
        var keys = new byte[quantities.Length * PhaseCount][];
        foreach (Quantity q in quantities)
        {
            foreach (Phase p in Enum.GetValues<Phase>())
            {
                keys[((int)q * PhaseCount) + (int)p] = Utf8($"{separator}\"{ValueKey(q, p)}\":");
            }
        }

        return keys;
    }
}
