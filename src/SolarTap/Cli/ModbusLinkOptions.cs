using System.CommandLine;
using System.Globalization;
using SolarTap.Devices.Modbus;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.Modbus;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Modbus;

namespace SolarTap.Cli;

/// <summary>The options that say how <c>solartap modbus</c> reaches the device: <c>--host</c> (TCP) or <c>--port</c> (RTU).</summary>
internal sealed class ModbusLinkOptions
{
    public ModbusLinkOptions(double defaultTimeout)
    {
        Timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for each answer.",
            DefaultValueFactory = _ => defaultTimeout,
        };
    }

    public Option<string?> Host { get; } = new("--host")
    {
        Description = "Modbus TCP: the inverter's host name or address, optionally with :PORT (default port 502; SolarEdge SetApp inverters use 1502).",
    };

    public Option<string?> Port { get; } = new("--port")
    {
        Description = "Modbus RTU: the serial device of the RS485 adapter, such as /dev/ttyUSB0.",
    };

    public Option<int> Baud { get; } = new("--baud")
    {
        Description = "RTU baud rate.",
        DefaultValueFactory = _ => 9600,
    };

    public Option<SerialParity> Parity { get; } = new("--parity")
    {
        Description = "RTU parity: even (the Modbus default), none or odd.",
        DefaultValueFactory = _ => SerialParity.Even,
    };

    public Option<int> StopBits { get; } = new("--stop-bits")
    {
        Description = "RTU stop bits, 1 or 2.",
        DefaultValueFactory = _ => 1,
    };

    public Option<double> Timeout { get; }

    public IEnumerable<Option> All => [Host, Port, Baud, Parity, StopBits, Timeout];

    /// <summary>Opens the link the options describe; a bad option or a port that cannot be opened is a <see cref="UserError"/>.</summary>
    public IModbusClient Open(ParseResult parse, ModbusClientOptions options)
    {
        string? host = parse.GetValue(Host), port = parse.GetValue(Port);
        if ((host is null) == (port is null))
        {
            throw new UserError("give either --host HOST[:PORT] (Modbus TCP) or --port /dev/ttyX (Modbus RTU)");
        }

        double seconds = parse.GetValue(Timeout);
        if (!double.IsFinite(seconds) || seconds is < 0.05 or > 60)
        {
            throw new UserError("--timeout: give seconds from 0.05 to 60");
        }

        options = options with { ResponseTimeout = TimeSpan.FromSeconds(seconds) };
        var device = new SunSpecDeviceOptions { SerialPort = port };
        if (host is not null)
        {
            (device.Host, device.Port) = ParseHost(host);
        }
        else
        {
            device.BaudRate = parse.GetValue(Baud);
            device.Parity = parse.GetValue(Parity);
            device.StopBits = parse.GetValue(StopBits);
            try
            {
                device.SerialSettings.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UserError(e.Message, e);
            }
        }

        try
        {
            return ModbusLinks.Open(device, SerialPortFactory.Instance, TimeProvider.System, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw port is null ? new UserError(e.Message, e) : SerialPorts.Failure(port, e);
        }
    }

    /// <summary>"inverter", "192.168.50.20:1502", "[fe80::1]:502" or "fe80::1".</summary>
    private static (string Host, int Port) ParseHost(string text)
    {
        string host = text;
        int port = ModbusTcp.DefaultPort;
        int colon = text.LastIndexOf(':');
        bool bracketed = text.StartsWith('[');
        if (colon > 0 && (bracketed || text.IndexOf(':', StringComparison.Ordinal) == colon))
        {
            if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                throw new UserError($"--host: '{text}' does not end in a port number from 1 to 65535");
            }

            host = text[..colon];
        }

        host = bracketed && host.EndsWith(']') ? host[1..^1] : host;
        return host.Length > 0 ? (host, port) : throw new UserError("--host: give a host name or address");
    }
}
