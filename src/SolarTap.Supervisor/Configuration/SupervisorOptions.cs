namespace SolarTap.Supervisor.Configuration;

/// <summary>
/// The whole appliance configuration, one property per YAML section (docs/configuration.md). Every property has a
/// working default, so an empty file is a valid configuration.
/// </summary>
public sealed class SupervisorOptions
{
    /// <summary>The inverter-facing network: interface, address, DHCP (section <c>network</c>).</summary>
    public NetworkOptions Network { get; set; } = new();

    /// <summary>The DNS server on the inverter-facing network (section <c>dns</c>).</summary>
    public DnsOptions Dns { get; set; } = new();

    /// <summary>The SolarEdge monitoring server stand-in or relay (section <c>solaredge</c>).</summary>
    public SolarEdgeOptions SolarEdge { get; set; } = new();

    /// <summary>The durable journal of readings (section <c>journal</c>).</summary>
    public JournalOptions Journal { get; set; } = new();

    /// <summary>The MQTT sink and Home Assistant discovery (section <c>mqtt</c>).</summary>
    public MqttOptions Mqtt { get; set; } = new();

    /// <summary>The JSON-lines file sink (section <c>jsonl</c>).</summary>
    public JsonLinesOptions JsonLines { get; set; } = new();

    /// <summary>The SunSpec Modbus source (section <c>sunspec</c>).</summary>
    public SunSpecOptions SunSpec { get; set; } = new();

    /// <summary>The SolarEdge RS485 master or sniffer (section <c>rs485</c>).</summary>
    public Rs485Options Rs485 { get; set; } = new();

    /// <summary>The passive capture source, for bridge mode (section <c>capture</c>).</summary>
    public CaptureOptions Capture { get; set; } = new();

    /// <summary>The local status socket (section <c>status</c>).</summary>
    public StatusOptions Status { get; set; } = new();

    /// <summary>The status LEDs (section <c>leds</c>).</summary>
    public LedsOptions Leds { get; set; } = new();

    /// <summary>The OLED and its page button (section <c>oled</c>).</summary>
    public OledOptions Oled { get; set; } = new();

    /// <summary>The local web page (section <c>web</c>).</summary>
    public WebOptions Web { get; set; } = new();
}
