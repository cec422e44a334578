using System.Text;
using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using static SolarTap.System.Tests.Mqtt.MqttSinkTests;
using static SolarTap.System.Tests.Mqtt.MqttSystemTest;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>
/// The sink's discovery messages as a real broker keeps them, checked against Home Assistant's MQTT sensor discovery
/// schema (home-assistant.io/integrations/sensor.mqtt, /integrations/sensor#device-class, developers' sensor docs).
/// </summary>
public class HomeAssistantDiscoveryTests
{
    // Keys of HA's MQTT sensor/binary_sensor discovery schema that we may send (full names, no abbreviations).
    private static readonly HashSet<string> SchemaKeys =
    [
        "name", "unique_id", "object_id", "state_topic", "value_template", "unit_of_measurement", "device_class", "state_class",
        "entity_category", "availability_topic", "payload_available", "payload_not_available", "device", "origin", "payload_on", "payload_off",
    ];

    private static readonly HashSet<string> DeviceKeys = ["identifiers", "name", "manufacturer", "model", "serial_number", "via_device", "sw_version", "hw_version"];

    // Units HA accepts per sensor device class (the ones this appliance uses).
    private static readonly Dictionary<string, string?[]> Units = new()
    {
        ["power"] = ["W", "kW"], ["energy"] = ["Wh", "kWh"], ["energy_storage"] = ["Wh", "kWh"], ["voltage"] = ["V", "mV"],
        ["current"] = ["A", "mA"], ["frequency"] = ["Hz"], ["temperature"] = ["°C", "°F"], ["battery"] = ["%"],
        ["power_factor"] = [null, "%"], ["apparent_power"] = ["VA"], ["reactive_power"] = ["var"], ["duration"] = ["s", "min", "h", "d"],
    };

    [Fact]
    public async Task Discovery_EveryPayloadFollowsHomeAssistantsSensorSchema_AndIsPublishedAgainWhenHaComesOnline()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using var sink = new MqttSinkFixture(MqttSinkFixture.For(broker, "st-disc"));
        await sink.StartAsync();
        sink.Journal.Append([MqttSinkFixture.Inverter(0), MqttSinkFixture.Optimizer(0)]);
        await WaitUntilAsync(() => sink.Sink.Cursor >= sink.Journal.LastSequence, "the readings acknowledged");

        MqttClientOptions reader = Client("disc-reader") with { Subscriptions = [new MqttSubscription("homeassistant/+/+/+/config", MqttQos.AtLeastOnce)] };
        await using var log = new MqttEventLog(reader, Plain(broker));
        const int Expected = 5 + 2 + 1; // inverter values, optimizer values, the appliance
        List<MqttSessionEvent> events = await log.WaitAsync(e => Configs(e).Count >= Expected, "the retained discovery messages");
        Dictionary<string, JsonElement> configs = Configs(events);
        Assert.Equal(Expected, configs.Count);
        Assert.All(configs, c => CheckSchema(c.Key, c.Value));

        JsonElement energy = configs["homeassistant/sensor/solartap_7f104920/energy_total/config"];
        Assert.Equal("Energy total", energy.GetProperty("name").GetString());
        Assert.Equal("solartap_7f104920_energy_total", energy.GetProperty("unique_id").GetString());
        Assert.Equal("solartap_7f104920_energy_total", energy.GetProperty("object_id").GetString());
        Assert.Equal("solartap/7F104920/state", energy.GetProperty("state_topic").GetString());
        Assert.Equal("{{ value_json['values']['EnergyTotal'] if 'EnergyTotal' in value_json['values'] else this.state }}", energy.GetProperty("value_template").GetString());
        Assert.Equal("Wh", energy.GetProperty("unit_of_measurement").GetString());
        Assert.Equal("energy", energy.GetProperty("device_class").GetString());
        Assert.Equal("total_increasing", energy.GetProperty("state_class").GetString()); // selectable in the Energy dashboard
        Assert.False(energy.TryGetProperty("entity_category", out _));
        Assert.Equal("solartap/st-disc/availability", energy.GetProperty("availability_topic").GetString());
        JsonElement inverter = energy.GetProperty("device");
        Assert.Equal(["solartap_7f104920"], inverter.GetProperty("identifiers").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("SolarEdge inverter 7F104920", inverter.GetProperty("name").GetString());
        Assert.Equal("SolarEdge", inverter.GetProperty("manufacturer").GetString());
        Assert.Equal("Inverter", inverter.GetProperty("model").GetString());
        Assert.Equal("solartap_appliance_st-disc", inverter.GetProperty("via_device").GetString());

        JsonElement voltage = configs["homeassistant/sensor/solartap_7f104920/ac_voltage_l1/config"];
        Assert.Equal(("AC voltage L1", "voltage", "measurement", "V"), (voltage.GetProperty("name").GetString(), voltage.GetProperty("device_class").GetString(),
            voltage.GetProperty("state_class").GetString(), voltage.GetProperty("unit_of_measurement").GetString()));
        JsonElement uptime = configs["homeassistant/sensor/solartap_7f104920/uptime/config"];
        Assert.Equal(("duration", "diagnostic", "s"), (uptime.GetProperty("device_class").GetString(), uptime.GetProperty("entity_category").GetString(),
            uptime.GetProperty("unit_of_measurement").GetString()));
        JsonElement panel = configs["homeassistant/sensor/solartap_2023765d/dc_voltage/config"];
        Assert.Equal("solartap_7f104920", panel.GetProperty("device").GetProperty("via_device").GetString()); // optimizer via its inverter
        JsonElement appliance = configs["homeassistant/binary_sensor/solartap_appliance_st-disc/connectivity/config"];
        Assert.Equal(("connectivity", "online", "offline", "solartap/st-disc/availability"), (appliance.GetProperty("device_class").GetString(),
            appliance.GetProperty("payload_on").GetString(), appliance.GetProperty("payload_off").GetString(), appliance.GetProperty("state_topic").GetString()));
        Assert.Equal(["solartap_appliance_st-disc"], appliance.GetProperty("device").GetProperty("identifiers").EnumerateArray().Select(x => x.GetString()));

        // Home Assistant restarts: it announces "online" and gets every discovery message again.
        int before = log.Count(MqttSessionEventKind.MessageReceived);
        (await Network.Commands.RunAsync(MosquittoBroker.Require("mosquitto_pub"), ["-h", "127.0.0.1", "-p", broker.PortText, "-q", "1", "-t", "homeassistant/status", "-m", "online"])).EnsureSuccess();
        await log.WaitAsync(e => e.Count(x => x.Kind == MqttSessionEventKind.MessageReceived) >= before + Expected, "discovery again after HA's online");
    }

    private static void CheckSchema(string topic, JsonElement config)
    {
        foreach (JsonProperty p in config.EnumerateObject())
        {
            Assert.True(SchemaKeys.Contains(p.Name), $"{topic}: '{p.Name}' is not a key of HA's MQTT discovery schema");
        }

        foreach (JsonProperty p in config.GetProperty("device").EnumerateObject())
        {
            Assert.True(DeviceKeys.Contains(p.Name), $"{topic}: device.{p.Name} is not a key of HA's device schema");
        }

        Assert.Matches("^[a-z0-9_-]+$", config.GetProperty("unique_id").GetString());
        Assert.False(string.IsNullOrEmpty(config.GetProperty("state_topic").GetString()), topic);
        string? deviceClass = config.TryGetProperty("device_class", out JsonElement dc) ? dc.GetString() : null;
        string? stateClass = config.TryGetProperty("state_class", out JsonElement sc) ? sc.GetString() : null;
        string? unit = config.TryGetProperty("unit_of_measurement", out JsonElement u) ? u.GetString() : null;
        if (config.TryGetProperty("entity_category", out JsonElement category))
        {
            Assert.Equal("diagnostic", category.GetString());
        }

        if (topic.Contains("/binary_sensor/", StringComparison.Ordinal))
        {
            Assert.Equal("connectivity", deviceClass);
            return;
        }

        Assert.True(stateClass is null or "measurement" or "total" or "total_increasing", $"{topic}: state_class {stateClass}");
        if (deviceClass is not null)
        {
            Assert.True(Units.TryGetValue(deviceClass, out string?[]? allowed), $"{topic}: device_class {deviceClass} is not one this test knows");
            Assert.Contains(unit, allowed!);
        }

        if (deviceClass == "energy")
        {
            Assert.True(stateClass is "total" or "total_increasing", $"{topic}: HA does not allow state_class {stateClass} with device_class energy");
        }
    }

    private static Dictionary<string, JsonElement> Configs(List<MqttSessionEvent> events)
    {
        var configs = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (MqttSessionEvent e in events.Where(x => x.Kind == MqttSessionEventKind.MessageReceived))
        {
            configs[e.Message!.Topic] = JsonDocument.Parse(Encoding.UTF8.GetString(e.Message.Payload.Span)).RootElement.Clone();
        }

        return configs;
    }
}
