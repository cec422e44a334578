using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SolarTap.System.Tests.Network;
using SolarTap.Testing.Modbus;

namespace SolarTap.System.Tests.Modbus;

/// <summary>
/// A SunSpec-shaped Modbus TCP server we did not write: Debian's python3-pymodbus (3.0 API: ModbusSlaveContext
/// per unit with zero_mode, ModbusServerContext(single=False), StartTcpServer) serving the given maps on a free
/// loopback port. The script is written to a temp directory by the test.
/// </summary>
internal sealed class PymodbusServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private const string Script = """
        # SunSpec-shaped Modbus TCP server for SolarTap's system tests, on Debian's python3-pymodbus (3.0).
        import json, sys
        from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
        from pymodbus.server import StartTcpServer

        units = json.load(open(sys.argv[1]))
        port = int(sys.argv[2])
        slaves = {}
        for unit, image in units.items():
            # zero_mode: PDU address = register index, as SunSpec documents 40000 for "40001".
            block = ModbusSequentialDataBlock(image["base"], image["registers"])
            slaves[int(unit)] = ModbusSlaveContext(hr=block, ir=block, zero_mode=True)
        print("pymodbus serving on", port, flush=True)
        # allow_reuse_address: a restarted server must bind while the old connection's port sits in TIME_WAIT.
        StartTcpServer(context=ModbusServerContext(slaves=slaves, single=False), address=("127.0.0.1", port),
                       allow_reuse_address=True)
        """;

    private readonly string _directory;
    private readonly RunningProcess _process;

    private PymodbusServer(string directory, RunningProcess process, int port)
    {
        _directory = directory;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output => _process.Output;

    /// <summary>Fails (never skips) with the install command when python3-pymodbus is missing.</summary>
    public static async Task RequireAsync()
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: apt-get install -y python3 python3-pymodbus (.ci/run does this).");
        CommandResult check = await Network.Commands.RunAsync(Python, ["-c", "import pymodbus, pymodbus.server; print(pymodbus.__version__)"]);
        Assert.True(check.ExitCode == 0, $"python3-pymodbus cannot start a server: apt-get install -y python3-pymodbus python3-serial-asyncio (.ci/run does this; Debian's pymodbus 3.0 imports serial_asyncio, a mere Recommends).\n{check.StandardError}");
        Assert.StartsWith("3.", check.StandardOutput.Trim(), StringComparison.Ordinal);
    }

    public static async Task<PymodbusServer> StartAsync(IReadOnlyDictionary<byte, SunSpecMap> units, int? port = null)
    {
        await RequireAsync();
        string directory = Directory.CreateTempSubdirectory("solartap-pymodbus-").FullName;
        string script = Path.Combine(directory, "sunspec_server.py");
        string images = Path.Combine(directory, "units.json");
        await File.WriteAllTextAsync(script, Script);
        var json = units.ToDictionary(u => u.Key.ToString(CultureInfo.InvariantCulture), u => new { @base = (int)u.Value.BaseAddress, registers = u.Value.Registers });
        await File.WriteAllTextAsync(images, JsonSerializer.Serialize(json));
        int chosen = port ?? FreePort();
        RunningProcess process = Network.Commands.Start(Python, [script, images, chosen.ToString(CultureInfo.InvariantCulture)]);
        var server = new PymodbusServer(directory, process, chosen);
        try
        {
            // Not RunningProcess.WaitForOutputAsync: its failure message reads Process.ExitCode of a running process
            // and throws on the first poll. Connecting is the readiness check that matters anyway.
            await server.WaitUntilListeningAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilListeningAsync()
    {
        for (int i = 0; i < 400; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Assert.False(_process.Process.HasExited, $"pymodbus exited:\n{_process.Output}");
                await Task.Delay(50);
            }
        }

        Assert.Fail($"pymodbus did not listen on {Port}:\n{_process.Output}");
    }
}
