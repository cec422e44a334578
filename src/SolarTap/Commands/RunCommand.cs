using System.CommandLine;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Hosting;

namespace SolarTap.Commands;

/// <summary><c>solartap run</c>: the appliance supervisor, as the systemd service starts it.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = $"The configuration file (YAML, see docs/configuration.md). Default: the first of {string.Join(" and ", ConfigLoader.DefaultCandidates)} " +
                "that exists, else the built-in defaults.",
        };
        var command = new Command("run",
            "Run the appliance supervisor until stopped (SIGTERM or Ctrl+C): status socket, journal, systemd notification, and the appliance services. " +
            "With a bad configuration it keeps running in the 'configuration error' state, which 'solartap status' shows.")
        {
            config,
        };
        command.SetAction((parse, cancel) =>
            SupervisorHost.RunAsync(new SupervisorHostSettings { ConfigPath = parse.GetValue(config) }, cancel));
        return command;
    }
}
