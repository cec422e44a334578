using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Simulation;
using SolarTap.Supervisor.SolarEdge;
using SolarTap.Supervisor.Systemd;

namespace SolarTap.Supervisor.Tests.SolarEdge;

/// <summary>A whole supervisor in this process with the SolarEdge service on loopback (port 0), on temp paths.</summary>
internal sealed class SolarEdgeHarness : IAsyncDisposable
{
    public const uint PlainId = 0x7E10_0001;
    public const uint EncryptedId = 0x7F10_4920;
    public static readonly InverterKey Key = InverterKey.FromBytes([0xe1, 0x99, 0x25, 0x23, 0xf4, 0xdd, 0xbb, 0x47, 0xd5, 0x33, 0x6f, 0x6f, 0x17, 0x7e, 0x32, 0x78]);

    private SolarEdgeHarness(IHost host, TempFolder folder, FixedClockSyncCheck clock)
    {
        Host = host;
        Folder = folder;
        Clock = clock;
    }

    public IHost Host { get; }

    public TempFolder Folder { get; }

    public FixedClockSyncCheck Clock { get; }

    public int Port => Host.Services.GetRequiredService<SolarEdgeEndpoints>().Listening[0].Port;

    public string JournalPath => Folder.File("journal.db");

    /// <summary>The journal's readings, read through the running supervisor's journal (the file is locked to it).</summary>
    public IReadOnlyList<Reading> Journal => [.. Host.Services.GetRequiredService<SqliteReadingJournal>().ReadAfter(0, int.MaxValue).Select(e => e.Reading)];

    /// <summary>Starts a supervisor in <paramref name="folder"/> (a new one when null); <paramref name="configure"/> edits the options first.</summary>
    public static async Task<SolarEdgeHarness> StartAsync(TempFolder? folder = null, Action<SolarEdgeOptions>? configure = null, string address = "127.0.0.1", int port = 0)
    {
        folder ??= new TempFolder();
        Directory.CreateDirectory(folder.File("keys"));
        File.WriteAllText(folder.File("keys/7f104920.key"), Key.ToKeyFileText());
        string config = folder.Write("solartap.yaml",
            $"solaredge:\n  keys_directory: {folder.File("keys")}\n  time_zone: Europe/Berlin\njournal:\n  path: {folder.File("journal.db")}\nstatus:\n  socket: {folder.File("status.sock")}\n");
        var clock = new FixedClockSyncCheck(true);
        IHost host = SupervisorHost.Build(new SupervisorHostSettings
        {
            ConfigPath = config,
            ConfigCandidates = [],
            Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
            ConfigureServices = (services, options) =>
            {
                options.SolarEdge.Ports = [port];
                options.SolarEdge.BindAddress = IPAddress.Parse(address);
                configure?.Invoke(options.SolarEdge);
                services.AddSingleton<IClockSyncCheck>(clock);
            },
        });
        await host.StartAsync();
        return new SolarEdgeHarness(host, folder, clock);
    }

    /// <summary>An inverter simulator with an accelerated clock: one real poll moves its time on by a minute.</summary>
    public static (SolarEdgeInverterSimulator Simulator, SimulatedInverterClient Client) Inverter(uint id, bool encrypted, int posts, int timeRequests = 0, bool threePhase = false)
    {
        DateTimeOffset simulated = new(2024, 6, 21, 10, 0, 0, TimeSpan.Zero);
        var simulator = new SolarEdgeInverterSimulator(new SimulatedInverterOptions
        {
            InverterId = id,
            Key = encrypted ? Key : null,
            Optimizers = 3,
            OptimizerIdBase = 0x2023_0000 + ((id & 0xFF) << 8),
            ThreePhase = threePhase,
            PostLimit = posts,
            TimeRequestEveryPosts = timeRequests,
            ReplyTimeout = TimeSpan.FromHours(10),
            Seed = (int)id,
        }, simulated);
        var client = new SimulatedInverterClient(simulator, () => simulated += TimeSpan.FromMinutes(1)) { PollInterval = TimeSpan.FromMilliseconds(5) };
        return (simulator, client);
    }

    public async Task StopAsync() => await Host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync();
        }
        catch (ObjectDisposedException)
        {
        }

        Host.Dispose();
    }
}
