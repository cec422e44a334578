using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;
using SolarTap.System.Tests.Network;
using SolarTap.Testing.Simulators;

namespace SolarTap.System.Tests.Serial;

/// <summary><c>solartap serial command</c> and <c>solartap key read</c> as the real executable against a simulated inverter on a socat pty.</summary>
[global::System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SerialCliTests : IAsyncLifetime, IDisposable
{
    private const string Key = "e1992523f4ddbb47d5336f6f177e3278"; // spec §4.2 test key of 7F104920
    private static readonly string SolarTapDll = Path.Combine(AppContext.BaseDirectory, "solartap.dll");

    private readonly CancellationTokenSource _stop = new();
    private readonly SolarEdgeRs485Slave _inverter = new(0x7F10_4920);
    private SocatPtyPair? _pair;
    private LinuxSerialPort? _inverterPort;
    private Task? _serving;

    private string Port => _pair!.A;

    public async Task InitializeAsync()
    {
        _pair = await SocatPtyPair.StartAsync();
        _inverterPort = LinuxSerialPort.Open(_pair.B, new SerialSettings(115200));
        _inverter.SetKey(Testing.Hex.Bytes(Key));
        _inverter.Parameters[0x0329] = 376715698;
        var bus = new SolarEdgeRs485Bus(_inverter);
        _serving = Task.Run(() => bus.Serve(_inverterPort, _stop.Token));
    }

    [Fact]
    public async Task SerialCommand_TwoParameterReads_PrintsOneDecodedLineEach()
    {
        CommandResult result = await Run("serial", "command", "--port", Port, "--id", "7F104920", "0012,H0329/12,H239");

        Assert.True(result.ExitCode == 0, result.StandardError);
        string[] lines = result.StandardOutput.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^0x0012 -> 0x0090 \(Parameters\) seq 0x[0-9a-f]{4}: value 376715698", lines[0]);
        Assert.Matches(@"^0x0012 -> 0x0090 \(Parameters\) seq 0x[0-9a-f]{4}: value 589666785", lines[1]); // e1 99 25 23 little-endian
    }

    [Fact]
    public async Task SerialCommand_JsonOverRs485_PrintsSemonitorsLine()
    {
        CommandResult result = await Run("serial", "command", "--port", Port, "--id", "7f104920", "--rs485", "--json", "0012,H0329");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Matches(@"^\{""command"": 18, ""data"": \{""type"": 0, ""value"": 376715698\}, ""response"": 144, ""sequence"": \d+\}\n$", result.StandardOutput);
        Assert.Equal(1, _inverter.Grants); // spec §6.3: a grant follows the command on RS485
    }

    [Fact]
    public async Task KeyRead_SimulatedInverter_WritesTheKeyFileWithMode0600()
    {
        string folder = Directory.CreateTempSubdirectory("solartap-key-").FullName;
        string file = Path.Combine(folder, "inverter.key");

        CommandResult result = await Run("key", "read", "--port", Port, "--id", "7F104920", "--out", file);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(Key + "\n", File.ReadAllText(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Contains($"written to {file} (mode 0600)", result.StandardOutput, StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SerialCommand_PortHeldByAnotherProgram_SaysBusyAndExits2()
    {
        using LinuxSerialPort holder = LinuxSerialPort.Open(Port, new SerialSettings(115200));

        CommandResult result = await Run("serial", "command", "--port", Port, "--id", "7F104920", "0012,H0329");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"solartap: {Port}: busy, another program has it open (the appliance's RS485 source, semonitor, a terminal program?); stop it first.\n", result.StandardError);
    }

    [Fact]
    public async Task SerialCommand_UserWithoutAccess_SaysWhichGroupToJoinAndExits2()
    {
        // Root without capabilities (no CAP_DAC_OVERRIDE) on a pty whose mode allows nobody: the open fails with EACCES
        // as it does for a user outside dialout, while the program itself stays readable wherever the checkout is.
        Network.Commands.Require("setpriv", "util-linux");
        string device = new FileInfo(Port).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Port;
        UnixFileMode mode = File.GetUnixFileMode(device);
        File.SetUnixFileMode(device, UnixFileMode.None);
        CommandResult result;
        try
        {
            result = await Network.Commands.RunAsync("setpriv",
                ["--bounding-set=-all", "--inh-caps=-all", "dotnet", SolarTapDll, "serial", "command", "--port", Port, "--id", "7F104920", "0012,H0329"],
                TimeSpan.FromSeconds(60));
        }
        finally
        {
            File.SetUnixFileMode(device, mode);
        }

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"solartap: {Port}: permission denied. Serial ports belong to the 'dialout' group: run 'sudo usermod -aG dialout $USER', log in again, and retry (or run as root).\n", result.StandardError);
    }

    [Fact]
    public async Task KeyRead_SilentInverter_SaysNoAnswerAndWritesNothing()
    {
        _inverter.Silent = true;
        string file = Path.Combine(Path.GetTempPath(), $"solartap-{Guid.NewGuid():N}.key");

        CommandResult result = await Run("key", "read", "--port", Port, "--id", "7F104920", "--timeout", "1s", "--out", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no answer from 7F104920 to the read of parameter 0x0239 within 1s", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_serving is not null)
        {
            await _serving;
        }

        _inverterPort?.Dispose();
        if (_pair is not null)
        {
            await _pair.DisposeAsync();
        }
    }

    public void Dispose() => _stop.Dispose();

    private static Task<CommandResult> Run(params string[] arguments) =>
        Network.Commands.RunAsync("dotnet", [SolarTapDll, .. arguments], TimeSpan.FromSeconds(60));
}
