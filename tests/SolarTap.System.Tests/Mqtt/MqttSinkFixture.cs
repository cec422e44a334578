using Microsoft.Extensions.Logging.Abstractions;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Mqtt;
using SolarTap.Supervisor.Status;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>A real journal in a temporary folder and the real <see cref="MqttSink"/> reading it, pointed at a test broker.</summary>
internal sealed class MqttSinkFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("solartap-sink-").FullName;

    /// <param name="options">The sink's settings.</param>
    /// <param name="journalClock">The journal's clock for received times (an old one makes every reading a backlog).</param>
    public MqttSinkFixture(MqttOptions options, TimeProvider? journalClock = null)
    {
        Options = options;
        Journal = new SqliteReadingJournal(Path.Combine(_folder, "journal.db"), journalClock);
        Journal.Open();
        Status = new StatusModel(TimeProvider.System);
        Sink = new MqttSink(Journal, options, Status, TimeProvider.System, NullLogger<MqttSink>.Instance);
    }

    public MqttOptions Options { get; }

    public SqliteReadingJournal Journal { get; }

    public StatusModel Status { get; }

    public MqttSink Sink { get; }

    public static MqttOptions For(MosquittoBroker broker, string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = broker.Port,
        ClientId = clientId,
        ReplayRate = 500,
    };

    /// <summary>An inverter reading number <paramref name="n"/>: one every 5 minutes, AC power = n.</summary>
    public static Reading Inverter(int n) => new(
        new DeviceIdentity(DeviceKind.Inverter, "7F104920", Manufacturer: "SolarEdge"),
        T0.AddMinutes(5 * n),
        [new Measurement(Quantity.AcPower, n), new Measurement(Quantity.EnergyTotal, 1_000_000 + n), new Measurement(Quantity.AcVoltage, 231.5, Phase.L1),
         new Measurement(Quantity.Uptime, 3600 + n), new Measurement(Quantity.Temperature, 41.5)]);

    /// <summary>An optimizer of that inverter.</summary>
    public static Reading Optimizer(int n) => new(
        new DeviceIdentity(DeviceKind.Optimizer, "2023765D", Parent: "7F104920", Manufacturer: "SolarEdge"),
        T0.AddMinutes(5 * n),
        [new Measurement(Quantity.DcVoltage, 35.5), new Measurement(Quantity.DcCurrent, 8.25)]);

    public Task StartAsync() => Sink.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Sink.StopAsync(CancellationToken.None);
        Sink.Dispose();
        Journal.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
