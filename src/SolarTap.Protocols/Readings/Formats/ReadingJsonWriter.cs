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
        Span<byte> time = _buffer.AsSpan(_length);
        reading.Timestamp.UtcDateTime.TryFormat(time, out int timeLength, "s", System.Globalization.CultureInfo.InvariantCulture); // fast standard form
        time[timeLength++] = (byte)'Z';
        _length += timeLength;
        Append(prefix);
        for (int i = 0; i < values.Count; i++)
        {
            Measurement m = values[i];
            Append((i == 0 ? FirstKeys : NextKeys)[((int)m.Quantity * PhaseCount) + (int)m.Phase]);
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
    private static byte[] Prefix(DeviceIdentity device)
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
