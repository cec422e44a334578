using System.Text;
using System.Text.Json;
using SolarTap.Protocols.Mqtt;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Mqtt;

namespace SolarTap.Supervisor.Tests.Mqtt;

public class MqttPayloadTests
{
    private static readonly MqttOptions Options = new() { Host = "broker", ClientId = "roof" };

    [Fact]
    public void StatePayload_HasTheReadingsOwnTimeValuesAndUnits()
    {
        var reading = new Reading(new DeviceIdentity(DeviceKind.Optimizer, "2023765D", "7F104920"), new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)),
            [new Measurement(Quantity.DcVoltage, 35.5), new Measurement(Quantity.AcVoltage, 231, Phase.L1), new Measurement(Quantity.Temperature, double.NaN)]);

        MqttMessage message = MqttStatePayload.Message(Options, reading);

        Assert.Equal("solartap/2023765D/state", message.Topic);
        Assert.Equal((MqttQos.AtLeastOnce, false), (message.Qos, message.Retain));
        Assert.Equal(
            """{"time":"2025-06-01T10:00:00+00:00","kind":"optimizer","device":"2023765D","parent":"7F104920","values":{"DcVoltage":35.5,"AcVoltage.L1":231},"units":{"DcVoltage":"V","AcVoltage.L1":"V"}}""",
            Encoding.UTF8.GetString(message.Payload.Span));
    }

    [Theory]
    [InlineData(Quantity.EnergyTotal, "energy", "total_increasing", false)]
    [InlineData(Quantity.GridExportEnergyTotal, "energy", "total_increasing", false)]
    [InlineData(Quantity.AcPower, "power", "measurement", false)]
    [InlineData(Quantity.AcApparentPower, "apparent_power", "measurement", false)]
    [InlineData(Quantity.AcReactivePower, "reactive_power", "measurement", false)]
    [InlineData(Quantity.AcFrequency, "frequency", "measurement", false)]
    [InlineData(Quantity.BatteryStateOfCharge, "battery", "measurement", false)]
    [InlineData(Quantity.PowerFactor, "power_factor", "measurement", false)]
    [InlineData(Quantity.Uptime, "duration", "measurement", true)]
    [InlineData(Quantity.ReportingInterval, "duration", "measurement", true)]
    [InlineData(Quantity.OperatingMode, null, null, true)]
    [InlineData(Quantity.GridImportEnergyInterval, null, "measurement", false)]
    public void Classes_FollowHomeAssistant(Quantity quantity, string? deviceClass, string? stateClass, bool diagnostic) =>
        Assert.Equal((deviceClass, stateClass, diagnostic), HomeAssistantClasses.Of(quantity));

    [Fact]
    public void Classes_EveryQuantityHasOne_AndEnergyIsNeverMeasurement()
    {
        foreach (Quantity q in Enum.GetValues<Quantity>())
        {
            (string? deviceClass, string? stateClass, _) = HomeAssistantClasses.Of(q);
            Assert.False(deviceClass == "energy" && stateClass == "measurement", q.ToString());
        }
    }

    [Fact]
    public void Sensor_OptimizerIsViaItsInverter_AndUnitlessCodesHaveNoUnit()
    {
        var optimizer = new DeviceIdentity(DeviceKind.Optimizer, "2023765D", "7F104920");

        MqttMessage message = HomeAssistantDiscovery.Sensor(Options, optimizer, Quantity.OperatingMode, Phase.None);

        Assert.Equal("homeassistant/sensor/solartap_2023765d/operating_mode/config", message.Topic);
        Assert.True(message.Retain);
        using JsonDocument json = JsonDocument.Parse(message.Payload);
        JsonElement root = json.RootElement;
        Assert.Equal("solartap_7f104920", root.GetProperty("device").GetProperty("via_device").GetString());
        Assert.False(root.TryGetProperty("unit_of_measurement", out _));
        Assert.False(root.TryGetProperty("state_class", out _));
        Assert.Equal("diagnostic", root.GetProperty("entity_category").GetString());
        Assert.Equal("solartap/roof/availability", root.GetProperty("availability_topic").GetString());
    }

    [Fact]
    public void Sensor_ModelAndFirmwareFromTheJournal_AreInTheDevice()
    {
        MqttMessage message = HomeAssistantDiscovery.Sensor(Options, new DeviceIdentity(DeviceKind.Inverter, "7F104920", Manufacturer: "SolarEdge"),
            Quantity.EnergyTotal, Phase.None, "SE5000H", "4.18.40");

        using JsonDocument json = JsonDocument.Parse(message.Payload);
        JsonElement device = json.RootElement.GetProperty("device");
        Assert.Equal(("SE5000H", "4.18.40", "solartap_appliance_roof"), (device.GetProperty("model").GetString(), device.GetProperty("sw_version").GetString(),
            device.GetProperty("via_device").GetString()));
    }

    [Fact]
    public void Names_ReadAsWords()
    {
        Assert.Equal("AC voltage", HomeAssistantDiscovery.Words(Quantity.AcVoltage));
        Assert.Equal("Battery state of charge", HomeAssistantDiscovery.Words(Quantity.BatteryStateOfCharge));
        Assert.Equal("ac_voltage_l3", HomeAssistantDiscovery.ObjectName(Quantity.AcVoltage, Phase.L3));
        Assert.Equal("solartap/a_b/state", MqttStatePayload.Topic(Options, new DeviceIdentity(DeviceKind.Meter, "a/b")));
    }
}
