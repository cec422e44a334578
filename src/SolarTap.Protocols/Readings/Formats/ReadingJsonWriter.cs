using System.Buffers;
using System.Text.Json;

namespace SolarTap.Protocols.Readings.Formats;

/// <summary>
/// SolarTap's JSON-lines form of a reading: one object per line,
/// <c>{"time":"2016-06-08T12:17:46Z","kind":"optimizer","device":"2023765D","parent":"7E1A06DB",
/// "values":{"DcVoltage":{"value":27,"unit":"V"},"AcVoltage.L1":{...}}}</c>.
/// Keys of per-phase values carry the phase after a dot.
/// </summary>
public sealed class ReadingJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _json;

    /// <summary>A writer that reuses its buffer for every line.</summary>
    public ReadingJsonWriter() => _json = new Utf8JsonWriter(_buffer, Options);

    /// <summary>Formats <paramref name="reading"/> as one line (UTF-8, ending in '\n'); valid until the next call.</summary>
    public ReadOnlySpan<byte> Format(Reading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        _buffer.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("time"u8, reading.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        _json.WriteString("kind"u8, KindName(reading.Device.Kind));
        _json.WriteString("device"u8, reading.Device.Serial);
        if (reading.Device.Parent is { } parent)
        {
            _json.WriteString("parent"u8, parent);
        }

        _json.WriteStartObject("values"u8);
        foreach (Measurement m in reading.Values)
        {
            _json.WriteStartObject(ValueKey(m));
            if (double.IsFinite(m.Value))
            {
                _json.WriteNumber("value"u8, m.Value);
            }
            else
            {
                _json.WriteNull("value"u8);
            }

            _json.WriteString("unit"u8, QuantityInfo.Symbol(QuantityInfo.UnitOf(m.Quantity)));
            _json.WriteEndObject();
        }

        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write("\n"u8);
        return _buffer.WrittenSpan;
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
    public static string ValueKey(Measurement measurement) => measurement.Phase == Phase.None
        ? measurement.Quantity.ToString()
        : $"{measurement.Quantity}.{measurement.Phase}";

    /// <inheritdoc />
    public void Dispose() => _json.Dispose();
}
