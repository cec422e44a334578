using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SolarTap.Protocols.Readings;
using SolarTap.Supervisor.Hosting;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Systemd;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Tests.Web;

/// <summary>
/// A whole supervisor in this process with its web page on 127.0.0.1 (a free port), no DHCP, DNS or SolarEdge
/// server, a journal in a temporary folder, and an HTTP client pointed at the page.
/// </summary>
internal sealed class WebHarness : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TempFolder _temp = new();
    private IHost? _host;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public Uri? Page { get; private set; }

    public IServiceProvider Services => _host!.Services;

    /// <summary>Starts a supervisor with <paramref name="extraYaml"/> added to a configuration that serves the page on loopback.</summary>
    public static async Task<WebHarness> StartAsync(string extraYaml = "", string? webSection = null)
    {
        var harness = new WebHarness();
        string web = webSection ?? "web:\n  address: 127.0.0.1\n  port: 0\n";
        string config = harness._temp.Write("solartap.yaml",
            $"network:\n  dhcp_port: off\ndns:\n  port: off\nsolaredge:\n  mode: off\n" +
            $"journal:\n  path: {harness._temp.File("journal.db")}\nstatus:\n  socket: {harness._temp.File("status.sock")}\n{web}{extraYaml}");
        harness._host = SupervisorHost.Build(new SupervisorHostSettings
        {
            ConfigPath = config,
            ConfigCandidates = [],
            Notifier = new SystemdNotifier(null, null, null, Environment.ProcessId),
        });
        await harness._host.StartAsync();
        harness.Page = await harness._host.Services.GetRequiredService<WebPageAddress>().Listening.WaitAsync(Timeout);
        if (harness.Page is not null)
        {
            harness.Http.BaseAddress = harness.Page;
        }

        return harness;
    }

    /// <summary>Stores readings in the journal, as a source would.</summary>
    public async Task AppendAsync(params Reading[] readings) =>
        await Services.GetRequiredService<IReadingJournal>().AppendAsync(readings, CancellationToken.None);

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using HttpResponseMessage response = await Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>POST /api/settings with <paramref name="json"/>, and the password when not null.</summary>
    public Task<HttpResponseMessage> PostSettingsAsync(string json, string? password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/settings")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (password is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        }

        return Http.SendAsync(request);
    }

    public static Reading Inverter(string serial, DateTimeOffset time, double watts) =>
        new(new DeviceIdentity(DeviceKind.Inverter, serial, null, "SolarEdge"), time,
            [new Measurement(Quantity.AcPower, watts), new Measurement(Quantity.EnergyToday, 1234)]);

    public static Reading Optimizer(string serial, string parent, DateTimeOffset time, double watts) =>
        new(new DeviceIdentity(DeviceKind.Optimizer, serial, parent, "SolarEdge"), time,
            [new Measurement(Quantity.DcPower, watts), new Measurement(Quantity.DcVoltage, 35.5)]);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        _temp.Dispose();
    }
}
