using System.CommandLine;
using SolarTap.Cli;
using SolarTap.Commands;

var root = new RootCommand(
    "SolarTap: local data from solar inverters. Decodes SolarEdge telemetry (inverters, optimizers, meters, batteries), " +
    "including the older encrypted firmware, from raw streams and packet captures.")
{
    DemoCommand.Create(),
    DecodeCommand.Create(),
    PcapCommand.Create(),
    KeyCommand.Create(),
    SerialCommand.Create(),
    RunCommand.Create(),
    StatusCommand.Create(),
    SimulateCommand.Create(),
    JournalCommand.Create(),
    ModbusCommand.Create(),
    WebCommand.Create(),
};

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (UserError error)
{
    Console.Error.WriteLine($"solartap: {error.Message}");
    return UserError.ExitCode;
}
