using Microsoft.Extensions.Hosting;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Tests.Hosting;

/// <summary>How a later service plugs in: it takes its options section, the journal and the status model.</summary>
internal sealed class ExampleSource(NetworkOptions network, IReadingJournal journal, StatusModel status) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        status.SetSource("example", ComponentState.Running, $"listening on {network.Interface}");
        Reading[] batch = [new Reading(new DeviceIdentity(DeviceKind.Inverter, "7F104920"), DateTimeOffset.UnixEpoch, [new Measurement(Quantity.AcPower, 1)])];
        await journal.AppendAsync(batch, cancellationToken);
        status.CountSource("example", "readings", batch.Length);
        status.InverterPosted("7F104920", null, batch.Length);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
