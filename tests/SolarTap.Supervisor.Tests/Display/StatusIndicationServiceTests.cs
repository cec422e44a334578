using Microsoft.Extensions.Hosting;
using SolarTap.Supervisor.Display;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;

namespace SolarTap.Supervisor.Tests.Display;

/// <summary>The service inside a whole supervisor: LEDs in a fake class folder, the OLED as a PNG file.</summary>
public sealed class StatusIndicationServiceTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly FakeLedClass _leds = new("solartap-power", "solartap-link", "solartap-upstream", "solartap-error");

    public void Dispose()
    {
        _leds.Dispose();
        _temp.Dispose();
    }

    private SupervisorHostSettings Settings(string yaml) => new()
    {
        ConfigPath = _temp.Write("solartap.yaml", yaml),
        ConfigCandidates = [],
        Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
    };

    private string Common => $"status:\n  socket: {_temp.File("status.sock")}\nleds:\n  class_directory: {_leds.Root}\noled:\n  bus: none\n  png: {_temp.File("oled.png")}\n";

    /// <summary>Polls (the service runs on its own loop) until <paramref name="done"/> or 10 s.</summary>
    private static async Task Until(Func<bool> done)
    {
        for (int i = 0; i < 200 && !done(); i++)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Run_ConfigurationError_ErrorLedOnAndProblemPageWritten()
    {
        using IHost host = SupervisorHost.Build(Settings(Common + "journal:\n  max_age: forever\n"));
        await host.StartAsync();

        await Until(() => _leds.State("solartap-error") == "on" && File.Exists(_temp.File("oled.png")));

        Assert.Equal("on", _leds.State("solartap-error"));
        Assert.Equal("heartbeat", _leds.State("solartap-power"));
        Assert.True(File.Exists(_temp.File("oled.png")));
        await host.StopAsync();
        Assert.Equal("off", _leds.State("solartap-power"));
    }

    [Fact]
    public async Task Run_ConfiguredLedMissing_ShownAsAFailedComponentAndTheOthersWork()
    {
        Directory.Delete(Path.Combine(_leds.Root, "solartap-upstream"), recursive: true);
        using IHost host = SupervisorHost.Build(Settings(Common + $"journal:\n  path: {_temp.File("journal.db")}\n"));
        await host.StartAsync();
        StatusModel status = (StatusModel)host.Services.GetService(typeof(StatusModel))!;

        await Until(() => _leds.State("solartap-error") == "on");

        SourceStatus leds = Assert.Single(status.Snapshot().Sources, s => s.Name == StatusIndicationService.LedsSource);
        Assert.Equal(ComponentState.Failed, leds.State);
        Assert.Contains("solartap-upstream", leds.Detail, StringComparison.Ordinal);
        Assert.Equal("heartbeat", _leds.State("solartap-power"));
        Assert.Equal(SupervisorState.Running, status.Snapshot().State);
        await host.StopAsync();
    }
}
