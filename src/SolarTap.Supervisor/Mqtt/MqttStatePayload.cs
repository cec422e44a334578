using System.Buffers;
using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>
/// The state message of one reading on <c>{topic_prefix}/{serial}/state</c>, with the reading's own timestamp:
/// <c>{"time":"2025-06-01T12:00:00Z","kind":"inverter","device":"7F104920","values":{"AcPower":1234.5},"units":{"AcPower":"W"}}</c>.
/// </summary>
internal static class MqttStatePayload
{
    /// <summary>The device's state topic.</summary>
    public static string Topic(MqttOptions options, DeviceIdentity device) => $"{options.TopicPrefix}/{Safe(device.Serial)}/state";

    /// <summary>The state message of <paramref name="reading"/>, at the configured QoS, not retained.</summary>
    public static MqttMessage Message(MqttOptions options, Reading reading) =>
        new(Topic(options, reading.Device), Payload(reading), options.Qos == 1 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce);

    /// <summary>The JSON payload; values that are not finite numbers are left out.</summary>
    public static byte[] Payload(Reading reading)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("time", reading.Timestamp.ToUniversalTime());
            json.WriteString("kind", ReadingJsonWriter.KindName(reading.Device.Kind));
            json.WriteString("device", reading.Device.Serial);
            if (reading.Device.Parent is { } parent)
            {
                json.WriteString("parent", parent);
            }

            json.WriteStartObject("values");
            foreach (Measurement m in reading.Values)
            {
                if (double.IsFinite(m.Value))
                {
                    json.WriteNumber(ReadingJsonWriter.ValueKey(m), m.Value);
                }
            }

            json.WriteEndObject();
            json.WriteStartObject("units");
            foreach (Measurement m in reading.Values)
            {
                string unit = QuantityInfo.Symbol(QuantityInfo.UnitOf(m.Quantity));
                if (double.IsFinite(m.Value) && unit.Length > 0)
                {
                    json.WriteString(ReadingJsonWriter.ValueKey(m), unit);
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A serial as one topic level: letters, digits, '_' and '-' kept, anything else becomes '_'.</summary>
    public static string Safe(string text) =>
        string.Create(text.Length, text, (span, t) =>
        {
            for (int i = 0; i < t.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(t[i]) || t[i] is '_' or '-' ? t[i] : '_';
            }
        });
}
