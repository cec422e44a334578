using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.Readings;
using SolarTap.Protocols.SolarEdge;
using SolarTap.Protocols.SolarEdge.Keys;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Simulation;
using SolarTap.Supervisor.SolarEdge;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Demo;

/// <summary>
/// <c>solartap demo</c>: the whole supervisor on loopback (unprivileged port, temporary folder, no root, no
/// configuration file) with a simulated site: a single-phase plain inverter with 8 optimizers and a three-phase
/// encrypted one with 20, speaking the real protocol over real TCP. Simulated time runs 60 times faster, so the
/// inverters post every 5 s (5 site minutes) along a sun curve that puts the site in late morning.
/// </summary>
public sealed class DemoSite : IAsyncDisposable
{
    /// <summary>Simulated seconds per real second.</summary>
    public const int Acceleration = 60;

    /// <summary>The plain single-phase inverter.</summary>
    public const uint PlainInverter = 0x7E10_0001;

    /// <summary>The encrypted three-phase inverter.</summary>
    public const uint EncryptedInverter = 0x7F10_4920;

    private readonly string _folder = Directory.CreateTempSubdirectory("solartap-demo-").FullName;
    private readonly DateTimeOffset _start = TimeProvider.System.GetUtcNow();
    private readonly TimeSpan _siteOffset;
    private readonly List<(SolarEdgeInverterSimulator Simulator, string Description, int Optimizers)> _inverters = [];
    private readonly SortedDictionary<(DeviceKind, string), Reading> _latest = [];
    private readonly Lock _gate = new();
    private IHost? _host;
    private long _journalPosition;
    private int _stored;

    /// <summary>A demo site; nothing runs until <see cref="RunAsync"/>.</summary>
    public DemoSite()
    {
        // Place the site where it is late morning now, so the sun curve gives power.
        TimeSpan offset = TimeSpan.FromHours(10.5) - _start.UtcDateTime.TimeOfDay;
        _siteOffset = offset < TimeSpan.FromHours(-12) ? offset + TimeSpan.FromDays(1) : offset > TimeSpan.FromHours(12) ? offset - TimeSpan.FromDays(1) : offset;
    }

    /// <summary>Called once the web page is served, with its address (a free port on 127.0.0.1).</summary>
    public Action<Uri>? OnWebPage { get; init; }

    /// <summary>The web page's address once it is served, else null.</summary>
    public Uri? WebPage { get; private set; }

    /// <summary>
    /// When set, the supervisor draws its OLED pages on a simulated display and writes the page shown to this PNG
    /// file (docs/status.md), so the display can be seen without hardware.
    /// </summary>
    public string? OledPngFile { get; init; }

    /// <summary>
    /// Starts the supervisor and the inverters, calls <paramref name="onTick"/> about once a second, and stops when
    /// <paramref name="duration"/> has passed, when every inverter has <paramref name="posts"/> posts acknowledged, or
    /// on <paramref name="cancellationToken"/> (Ctrl+C). Returns the final snapshot.
    /// </summary>
    public async Task<DemoSnapshot> RunAsync(TimeSpan? duration, int? posts, Action<DemoSnapshot>? onTick, CancellationToken cancellationToken)
    {
        InverterKey key = InverterKey.FromBytes(SHA256.HashData("solartap demo key"u8).AsSpan(0, InverterKey.Length));
        Directory.CreateDirectory(Path.Combine(_folder, "keys"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "keys", $"{EncryptedInverter:x8}.key"), key.ToKeyFileText(), cancellationToken).ConfigureAwait(false);
        _host = SupervisorHost.Build(new SupervisorHostSettings
        {
            ConfigCandidates = [],
            Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
            ConfigureServices = (services, options) =>
            {
                options.Network.DhcpPort = null; // no DHCP or DNS server: they need root and an inverter port
                options.Network.LeaseFile = Path.Combine(_folder, "dhcp-leases.txt");
                options.Dns.Port = null;
                options.SolarEdge.BindAddress = IPAddress.Loopback;
                options.SolarEdge.Ports = [0];
                options.SolarEdge.KeysDirectory = Path.Combine(_folder, "keys");
                options.Journal.Path = Path.Combine(_folder, "journal.db");
                options.Status.Socket = Path.Combine(_folder, "status.sock");
                if (OledPngFile is not null)
                {
                    options.Oled.Bus = null; // simulated: no I2C, no page button
                    options.Oled.PngFile = OledPngFile;
                    options.Oled.Required = true;
                }

                options.Web.Address = IPAddress.Loopback; // the page on a free port, for this machine only
                options.Web.Port = 0;
                services.AddSingleton<IClockSyncCheck>(new FixedClockSyncCheck(true)); // the demo's clock is the system's
                services.RemoveAll<ILoggerProvider>(); // the table is the output
            },
        });
        await _host.StartAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<IPEndPoint> listening = _host.Services.GetRequiredService<SolarEdgeEndpoints>().Listening;
        int port = listening.Count > 0 ? listening[0].Port : throw new SocketException((int)SocketError.AddressNotAvailable);
        WebPage = await _host.Services.GetRequiredService<WebPageAddress>().Listening.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        if (WebPage is not null)
        {
            OnWebPage?.Invoke(WebPage);
        }

        AddInverter(PlainInverter, null, threePhase: false, optimizers: 8, rated: 4000, "single-phase, plain");
        AddInverter(EncryptedInverter, key, threePhase: true, optimizers: 20, rated: 8000, "three-phase, encrypted");
        // Ctrl+C and SIGTERM reach the host's console lifetime, which stops the application: stop the demo with it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(
            cancellationToken, _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
        if (duration is TimeSpan d)
        {
            stop.CancelAfter(d);
        }

        Task[] clients = [.. _inverters.Select(i => RunInverterAsync(i.Simulator, port, stop.Token))];
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false))
            {
                DemoSnapshot snapshot = Snapshot();
                onTick?.Invoke(snapshot);
                if (posts is int n && snapshot.Inverters.All(i => i.PostsAcknowledged >= n))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the duration ran out, or Ctrl+C
        }

        await stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(clients).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        DemoSnapshot final = Snapshot();
        await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return final;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            _host.Dispose();
        }

        foreach ((SolarEdgeInverterSimulator simulator, _, _) in _inverters)
        {
            simulator.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a temporary folder; the system cleans it up eventually
        }
    }

    private DateTimeOffset SimulatedNow() => _start + ((TimeProvider.System.GetUtcNow() - _start) * Acceleration);

    private void AddInverter(uint id, InverterKey? key, bool threePhase, int optimizers, double rated, string description)
    {
        // Real inverters post every 5 minutes (5 s of demo time). The second inverter runs half an interval ahead of
        // the first, so the site's values change every 2.5 s rather than both at once every 5 s.
        TimeSpan postInterval = TimeSpan.FromMinutes(5);
        DateTimeOffset start = _start - (postInterval * _inverters.Count / 2);
        var simulator = new SolarEdgeInverterSimulator(new SimulatedInverterOptions
        {
            InverterId = id,
            Key = key,
            ThreePhase = threePhase,
            Optimizers = optimizers,
            OptimizerIdBase = 0x2023_0000 + ((id & 0xFF) << 8),
            RatedPower = rated,
            SiteUtcOffset = _siteOffset,
            PostInterval = postInterval,
            ReplyTimeout = TimeSpan.FromMinutes(10),
            TimeRequestEveryPosts = 10_000, // one time request at the start
            Seed = (int)id,
        }, start);
        _inverters.Add((simulator, description, optimizers));
    }

    private async Task RunInverterAsync(SolarEdgeInverterSimulator simulator, int port, CancellationToken cancellationToken)
    {
        var client = new SimulatedInverterClient(simulator, SimulatedNow) { PollInterval = TimeSpan.FromMilliseconds(20) };
        try
        {
            await client.RunWithRetriesAsync("127.0.0.1", port, _ => false, TimeSpan.FromSeconds(1), null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private DemoSnapshot Snapshot()
    {
        lock (_gate)
        {
            SqliteReadingJournal journal = _host!.Services.GetRequiredService<SqliteReadingJournal>();
            IReadOnlyList<JournalEntry> entries = journal.ReadAfter(_journalPosition, int.MaxValue);
            foreach (JournalEntry entry in entries)
            {
                _latest[(entry.Reading.Device.Kind, entry.Reading.Device.Serial)] = entry.Reading;
                _journalPosition = entry.Sequence;
            }

            _stored += entries.Count;
            DemoInverterState[] inverters = [.. _inverters.Select(i => new DemoInverterState(
                SolarEdgeAddress.Format(i.Simulator.InverterId), i.Description, i.Simulator.IsEncrypted, i.Optimizers,
                i.Simulator.Posts.Count, i.Simulator.AcknowledgedPosts.Count, i.Simulator.TimeRequestsAnswered, [.. i.Simulator.Problems]))];
            return new DemoSnapshot(
                TimeProvider.System.GetUtcNow() - _start, (SimulatedNow() + _siteOffset).UtcDateTime, inverters, [.. _latest.Values], _stored,
                _host.Services.GetRequiredService<StatusModel>().Snapshot());
        }
    }
}
