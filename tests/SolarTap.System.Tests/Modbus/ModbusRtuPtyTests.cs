using System.Text.Json;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.System.Tests.Network;
using SolarTap.System.Tests.Serial;
using SolarTap.Testing.Modbus;

namespace SolarTap.System.Tests.Modbus;

/// <summary>
/// <c>solartap modbus scan|read --port</c>, the real executable, over a socat pty pair to a simulated SunSpec RTU slave
/// on a <see cref="LinuxSerialPort"/>: the termios port, RTU framing with silent intervals and CRC end to end. A pty
/// cannot carry parity (the kernel clears PARENB), so the line is 8N2, Modbus's framing without parity.
/// </summary>
[global::System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ModbusRtuPtyTests : IAsyncLifetime, IDisposable
{
    private static readonly string Solartap = Path.Combine(AppContext.BaseDirectory, "solartap.dll");
    private static readonly SerialSettings Line = new(19200, SerialParity.None, StopBits: 2);

    private SocatPtyPair? _pair;
    private LinuxSerialPort? _slavePort;
    private ModbusRtuSlave? _slave;

    public async Task InitializeAsync()
    {
        _pair = await SocatPtyPair.StartAsync();
        _slavePort = LinuxSerialPort.Open(_pair.B, Line);
        _slave = new ModbusRtuSlave(_slavePort, new ModbusRegisterServer().Set(1, SunSpecSite.Leader(40000)).Set(3, SunSpecSite.Hybrid(0)));
    }

    [Fact]
    public async Task Scan_PtyRtuSlave_FindsBothUnitsWithTheirModels()
    {
        CommandResult result = await Run("modbus", "scan", "--port", _pair!.A, "--baud", "19200", "--parity", "none", "--stop-bits", "2",
            "--units", "1-3", "--timeout", "0.3", "--json");

        Assert.True(result.ExitCode == 0, result.StandardError);
        JsonElement[] units = [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
        Assert.Equal([1, 3], units.Select(u => u.GetProperty("unit").GetInt32()));
        Assert.Equal([40000, 0], units.Select(u => u.GetProperty("base").GetInt32()));
        Assert.Equal(SunSpecSite.LeaderSerial, units[0].GetProperty("devices")[0].GetProperty("serial").GetString());
    }

    [Fact]
    public async Task ReadRaw_PtyRtuSlave_TheSunSpecMarker()
    {
        CommandResult result = await Run("modbus", "read", "--port", _pair!.A, "--baud", "19200", "--parity", "none", "--stop-bits", "2",
            "--unit", "3", "--address", "0", "--count", "2");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal("    0  0x5375  21365   21365\n    1  0x6E53  28243   28243\n", result.StandardOutput);
        Assert.True(_slave!.Requests >= 1);
    }

    public async Task DisposeAsync()
    {
        // xunit calls Dispose after this: the slave and its port go there, once.
        if (_pair is not null)
        {
            await _pair.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _slave?.Dispose();
        _slavePort?.Dispose();
    }

    private static Task<CommandResult> Run(params string[] args) => Network.Commands.RunAsync("dotnet", [Solartap, .. args], TimeSpan.FromSeconds(60));
}
