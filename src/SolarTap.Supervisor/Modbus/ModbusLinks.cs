using SolarTap.Devices.Modbus;
using SolarTap.Devices.Serial;
using SolarTap.Protocols.Modbus;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Modbus;

/// <summary>Opens the Modbus client of one configured link: TCP to a host, or RTU on a serial port.</summary>
public static class ModbusLinks
{
    /// <summary>
    /// A client for <paramref name="device"/>: <see cref="ModbusTcpClient"/> for a host (connecting on first use), or
    /// <see cref="ModbusRtuClient"/> on the port <paramref name="serialPorts"/> opens.
    /// </summary>
    /// <exception cref="IOException">The serial port could not be opened.</exception>
    public static IModbusClient Open(SunSpecDeviceOptions device, ISerialPortFactory serialPorts, TimeProvider time, ModbusClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(serialPorts);
        if (device.SerialPort is { } path)
        {
            ISerialPort port = serialPorts.Open(path, device.SerialSettings);
            return new ModbusRtuClient(port, time, options);
        }

        return new ModbusTcpClient(device.Host ?? throw new ArgumentException("The device has neither host nor serial port.", nameof(device)),
            device.Port, options, time);
    }
}
