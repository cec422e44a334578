using System.Buffers;
using System.Text;
using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.Readings.Formats;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>
/// Home Assistant MQTT discovery messages (retained, QoS 1): one sensor per quantity and phase a device reports, in one
/// HA device per inverter, optimizer (via its inverter), meter and battery; and the appliance itself as a device with
/// a connectivity binary sensor. Topic: <c>{discovery_prefix}/sensor/solartap_{serial}/{value}/config</c>.
/// </summary>
internal static class HomeAssistantDiscovery
{
    /// <summary>The discovery message for one value of a device.</summary>
    /// <param name="options">The sink's settings.</param>
    /// <param name="device">The device.</param>
    /// <param name="quantity">The value's quantity.</param>
    /// <param name="phase">The value's phase.</param>
    /// <param name="model">The device's model if a source reported it.</param>
    /// <param name="firmware">The device's firmware if a source reported it.</param>
    public static MqttMessage Sensor(MqttOptions options, DeviceIdentity device, Quantity quantity, Phase phase, string? model = null, string? firmware = null)
    {
        string node = DeviceId(device.Serial);
        string value = ObjectName(quantity, phase);
        string key = ReadingJsonWriter.ValueKey(new Measurement(quantity, 0, phase));
        (string? deviceClass, string? stateClass, bool diagnostic) = HomeAssistantClasses.Of(quantity);
        string unit = QuantityInfo.Symbol(QuantityInfo.UnitOf(quantity));
        byte[] payload = Json(json =>
        {
            json.WriteString("name", Words(quantity) + (phase == Phase.None ? "" : $" {phase}"));
            json.WriteString("unique_id", $"{node}_{value}");
            json.WriteString("object_id", $"{node}_{value}");
            json.WriteString("state_topic", MqttStatePayload.Topic(options, device));
            // 'values' is also a dict method in Jinja: index, never dot. A value missing from a message keeps the state.
            json.WriteString("value_template", $"{{{{ value_json['values']['{key}'] if '{key}' in value_json['values'] else this.state }}}}");
            if (unit.Length > 0)
            {
                json.WriteString("unit_of_measurement", unit);
            }

            if (deviceClass is not null)
            {
                json.WriteString("device_class", deviceClass);
            }

            if (stateClass is not null)
            {
                json.WriteString("state_class", stateClass);
            }

            if (diagnostic)
            {
                json.WriteString("entity_category", "diagnostic");
            }

            json.WriteString("availability_topic", options.AvailabilityTopic);
            WriteDevice(json, options, device, model, firmware);
            WriteOrigin(json);
        });
        return new MqttMessage($"{options.DiscoveryPrefix}/sensor/{node}/{value}/config", payload, MqttQos.AtLeastOnce, Retain: true);
    }

    /// <summary>The appliance as a device, with a connectivity sensor on its availability topic.</summary>
    public static MqttMessage Appliance(MqttOptions options)
    {
        string node = ApplianceId(options);
        byte[] payload = Json(json =>
        {
            json.WriteString("name", "Connectivity");
            json.WriteString("unique_id", $"{node}_connectivity");
            json.WriteString("object_id", $"{node}_connectivity");
            json.WriteString("state_topic", options.AvailabilityTopic);
            json.WriteString("payload_on", MqttClientOptions.OnlinePayload);
            json.WriteString("payload_off", MqttClientOptions.OfflinePayload);
            json.WriteString("device_class", "connectivity");
            json.WriteString("entity_category", "diagnostic");
            json.WriteStartObject("device");
            json.WriteStartArray("identifiers");
            json.WriteStringValue(node);
            json.WriteEndArray();
            json.WriteString("name", $"SolarTap {options.ClientId}");
            json.WriteString("manufacturer", "SolarTap");
            json.WriteString("model", "SolarTap appliance");
            json.WriteEndObject();
            WriteOrigin(json);
        });
        return new MqttMessage($"{options.DiscoveryPrefix}/binary_sensor/{node}/connectivity/config", payload, MqttQos.AtLeastOnce, Retain: true);
    }

    /// <summary>The HA device identifier of a device: <c>solartap_</c> and its serial, lower case, safe for topics.</summary>
    public static string DeviceId(string serial) => "solartap_" + MqttStatePayload.Safe(serial).ToLowerInvariant();

    /// <summary>The HA device identifier of the appliance.</summary>
    public static string ApplianceId(MqttOptions options) => "solartap_appliance_" + options.ClientId.ToLowerInvariant();

    /// <summary>"ac_voltage_l1": the value's part of topics and ids.</summary>
    public static string ObjectName(Quantity quantity, Phase phase)
    {
        var name = new StringBuilder();
        foreach (char c in quantity.ToString())
        {
            if (char.IsUpper(c) && name.Length > 0)
            {
                name.Append('_');
            }

            name.Append(char.ToLowerInvariant(c));
        }

        return phase == Phase.None ? name.ToString() : $"{name}_{phase.ToString().ToLowerInvariant()}";
    }

    /// <summary>"AC power", "Battery state of charge".</summary>
    public static string Words(Quantity quantity)
    {
        string[] words = ObjectName(quantity, Phase.None).Split('_');
        for (int i = 0; i < words.Length; i++)
        {
            words[i] = words[i] switch
            {
                "ac" or "dc" or "pv" => words[i].ToUpperInvariant(),
                _ when i == 0 => char.ToUpperInvariant(words[i][0]) + words[i][1..],
                _ => words[i],
            };
        }

        return string.Join(' ', words);
    }

    private static void WriteDevice(Utf8JsonWriter json, MqttOptions options, DeviceIdentity device, string? model, string? firmware)
    {
        string kind = ReadingJsonWriter.KindName(device.Kind);
        json.WriteStartObject("device");
        json.WriteStartArray("identifiers");
        json.WriteStringValue(DeviceId(device.Serial));
        json.WriteEndArray();
        json.WriteString("name", $"{device.Manufacturer ?? "SolarTap"} {kind} {device.Serial}");
        json.WriteString("manufacturer", device.Manufacturer ?? "unknown");
        json.WriteString("model", model ?? char.ToUpperInvariant(kind[0]) + kind[1..]);
        if (firmware is not null)
        {
            json.WriteString("sw_version", firmware);
        }

        json.WriteString("serial_number", device.Serial);
        json.WriteString("via_device", device.Kind == DeviceKind.Optimizer && device.Parent is { } parent ? DeviceId(parent) : ApplianceId(options));
        json.WriteEndObject();
    }

    private static void WriteOrigin(Utf8JsonWriter json)
    {
        json.WriteStartObject("origin");
        json.WriteString("name", "SolarTap");
        json.WriteEndObject();
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
