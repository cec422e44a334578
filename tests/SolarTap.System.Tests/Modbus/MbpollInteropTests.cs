using System.Globalization;
using System.Text.RegularExpressions;
using SolarTap.Protocols.SunSpec;
using SolarTap.System.Tests.Network;
using SolarTap.Testing.Modbus;

namespace SolarTap.System.Tests.Modbus;

/// <summary>
/// Our Modbus TCP server (Protocols codec behind <see cref="ModbusTcpTestServer"/>) checked by a client we did not
/// write: Debian's mbpoll (libmodbus) reads registers, floats and strings, writes single and multiple registers, and
/// meets our exception responses.
/// </summary>
public sealed partial class MbpollInteropTests
{
    [Fact]
    public async Task Read_SunSpecMarkerAndInverterPoints_MbpollSeesOurRegisters()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()));

        Dictionary<int, string> marker = Values(await Mbpoll(server, "-a", "1", "-r", "40000", "-c", "4", "-t", "4:hex"));
        Assert.Equal(new Dictionary<int, string> { [40000] = "0x5375", [40001] = "0x6E53", [40002] = "0x0001", [40003] = "0x0042" }, marker);

        // Model 103 starts at 40070 (40002 + 2 + 66): its body at 40072; W is body offset 12, WH (acc32) offset 22.
        Dictionary<int, string> power = Values(await Mbpoll(server, "-a", "1", "-r", "40084", "-c", "1"));
        Assert.Equal("2845", power[40084]);
        Dictionary<int, string> energy = Values(await Mbpoll(server, "-a", "1", "-r", "40094", "-c", "1", "-t", "4:int", "-B"));
        Assert.Equal("12345678", energy[40094]);
    }

    [Fact]
    public async Task Read_FloatInverterAtBase50000_MbpollDecodesOurWordOrder()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(2, SunSpecSite.Follower(50000)));

        // Model 113 body starts at 50000 + 2 + 68 + 2 = 50072; W is body offset 20, Hz offset 22.
        Dictionary<int, string> values = Values(await Mbpoll(server, "-a", "2", "-r", "50092", "-c", "2", "-t", "4:float", "-B"));

        Assert.Equal(3500.5, double.Parse(values[50092], CultureInfo.InvariantCulture));
        Assert.Equal(49.75, double.Parse(values[50094], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Write_SingleAndMultiple_LandInOurRegisters()
    {
        var registers = new ModbusRegisterServer().Set(1, 100, new ushort[8]);
        await using var server = new ModbusTcpTestServer(registers);

        await Mbpoll(server, "-a", "1", "-r", "100", "4660");
        await Mbpoll(server, "-a", "1", "-r", "102", "1", "2", "3");

        Assert.Equal((ushort)4660, registers.Get(1, 100));
        Assert.Equal([1, 2, 3], new[] { 102, 103, 104 }.Select(a => (int)registers.Get(1, a)!.Value));
    }

    [Fact]
    public async Task Read_OutsideMap_MbpollReportsIllegalDataAddress()
    {
        await using var server = new ModbusTcpTestServer(new ModbusRegisterServer().Set(1, SunSpecSite.Leader()));

        CommandResult result = await Network.Commands.RunAsync(Mbpoll(), Arguments(server, "-a", "1", "-r", "39990", "-c", "4"));

        Assert.Contains("Illegal data address", result.StandardOutput + result.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    private static string Mbpoll()
    {
        Network.Commands.Require("mbpoll", "mbpoll");
        return "mbpoll";
    }

    private static string[] Arguments(ModbusTcpTestServer server, params string[] arguments) =>
        ["-m", "tcp", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-0", "-1", "-o", "2", .. arguments, "127.0.0.1"];

    private static async Task<string> Mbpoll(ModbusTcpTestServer server, params string[] arguments)
    {
        string[] all = Arguments(server, arguments);
        int values = Array.FindIndex(arguments, a => a == "-r") + 2;
        if (values < arguments.Length && !arguments[values].StartsWith('-'))
        {
            // mbpoll takes write values after the host.
            all = ["-m", "tcp", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-0", "-1", "-o", "2", .. arguments[..values], "127.0.0.1", .. arguments[values..]];
        }

        CommandResult result = await Network.Commands.RunAsync(Mbpoll(), all);
        return result.EnsureSuccess().StandardOutput;
    }

    /// <summary>mbpoll prints one "[address]: value" line per register or 32-bit value.</summary>
    private static Dictionary<int, string> Values(string output) =>
        ValueLine().Matches(output).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);

    [GeneratedRegex(@"^\[(\d+)\]:\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
