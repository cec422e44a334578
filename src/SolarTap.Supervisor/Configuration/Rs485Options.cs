namespace SolarTap.Supervisor.Configuration;

/// <summary>The SolarEdge RS485 source (YAML section <c>rs485</c>). Off while <see cref="Port"/> is empty.</summary>
public sealed class Rs485Options
{
    /// <summary>The serial device (<c>port</c>), absolute, such as /dev/ttyUSB0; empty (the default) turns the source off.</summary>
    public string Port { get; set; } = "";

    /// <summary>Line speed (<c>baud</c>), a standard rate; SolarEdge uses 115200 8N1 (spec §6.1).</summary>
    public int Baud { get; set; } = 115200;

    /// <summary>Master or sniffer (<c>mode</c>).</summary>
    public Rs485Mode Mode { get; set; } = Rs485Mode.Master;

    /// <summary>The slave inverter IDs to poll in master mode (<c>slaves</c>), in order.</summary>
    public List<uint> Slaves { get; set; } = [];

    /// <summary>Time from the start of one poll cycle to the next (<c>poll_interval</c>). Default 5 s (spec §6.2).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a slave has to start answering a grant (<c>response_timeout</c>). Default 1 s.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest one grant may last (<c>grant_timeout</c>). Default 10 s (spec §6.2).</summary>
    public TimeSpan GrantTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Grants re-sent to a slave that did not answer, in the same cycle (<c>retries</c>). Default 2.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>Missed polls in a row after which a slave is offline (<c>offline_after</c>). Default 3.</summary>
    public int OfflineAfter { get; set; } = 3;

    /// <summary>The longest wait between attempts at an offline slave (<c>backoff_max</c>). Default 5 min.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A GPIO line driving the transceiver's DE/RE (<c>de_gpio</c>, "gpiochip0:17"), when the driver has no RS485 mode; null: none.</summary>
    public GpioLine? DriverEnableGpio { get; set; }

    /// <summary>Whether the source is on.</summary>
    public bool Enabled => Port.Length > 0;
}
