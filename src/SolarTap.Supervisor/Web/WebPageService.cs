using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Journal;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// Serves the local web page (docs/web.md) with Kestrel and routing only (no MVC, no Razor), in every state of the
/// supervisor, configuration error included, so the page can say what is wrong. It starts once the other services
/// have (it does not delay READY), and a port it cannot bind is shown as the "web" component failing, never a crash.
/// </summary>
internal sealed partial class WebPageService(
    SupervisorOptions options,
    ConfigLoadResult config,
    StatusModel status,
    LiveSettings settings,
    WebPageAddress address,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    IServiceProvider services) : BackgroundService
{
    /// <summary>The component name on the status surfaces.</summary>
    public const string Component = "web";

    /// <summary>How long after the other services the page starts: READY and their first work go first.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(250);

    private readonly ILogger _logger = loggerFactory.CreateLogger<WebPageService>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Web.Enabled)
        {
            address.Set(null);
            return;
        }

        // Once every service has started, and a moment later, so READY is sent first: the page's start-up work (loading
        // and compiling Kestrel, about 0.3 s of CPU on a Pi) delays none of them.
        await WhenStartedAsync(stoppingToken).ConfigureAwait(false);
        await Task.Delay(StartDelay, time, stoppingToken).ConfigureAwait(false);
        try
        {
            await ServeAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Like every appliance service: shown as failed, never a reason to stop the supervisor.
            string detail = $"stopped after an unexpected error: {e.GetType().Name}: {e.Message}";
            status.SetSource(Component, ComponentState.Failed, detail);
            LogFailed(_logger, detail);
            address.Set(null);
        }
    }

    private async Task ServeAsync(CancellationToken stoppingToken)
    {
        var tracker = new ReadingTracker(config.IsValid ? services.GetService<SqliteReadingJournal>() : null);
        using var feed = new LiveFeed(status, tracker, time);
        var endpoint = new IPEndPoint(options.Web.Address, options.Web.EffectivePort(options.SolarEdge));
        IHost app = Build(endpoint, new WebEndpoints(status, options, config, tracker, feed, settings, new StaticAssets(), time));
        using (app)
        {
            try
            {
                await app.StartAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or SocketException)
            {
                string detail = $"cannot serve the web page on {Describe(endpoint)}: {e.Message}";
                status.SetSource(Component, ComponentState.Failed, detail);
                LogFailed(_logger, detail);
                address.Set(null);
                return;
            }

            Uri url = Url(app, endpoint);
            string where = ConfigView.IsAny(endpoint.Address) ? $"{url}, and port {url.Port} of every other address" : url.ToString();
            status.SetSource(Component, ComponentState.Running, $"serving {where}");
            LogServing(_logger, url);
            address.Set(url);
            await feed.RunAsync(stoppingToken).ConfigureAwait(false);
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stop.Token).ConfigureAwait(false);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A host of its own for Kestrel and routing (no MVC, no Razor, no WebApplication), with the supervisor's logging and
    /// no lifetime of its own.
    /// </summary>
    private IHost Build(IPEndPoint endpoint, WebEndpoints endpoints) =>
        new HostBuilder()
            .ConfigureServices(services =>
            {
                services.AddSingleton(loggerFactory); // the supervisor's logging (systemd format)
                services.AddSingleton<IHostLifetime, WebHostLifetime>();
            })
            .ConfigureWebHost(web => web
                .UseKestrelCore()
                .ConfigureKestrel(k =>
                {
                    k.AddServerHeader = false;
                    k.Limits.MaxConcurrentConnections = 200;
                    // HTTP/1.1 only: browsers speak HTTP/2 only over TLS, and leaving it out keeps its code unloaded.
                    k.Listen(endpoint, listen => listen.Protocols = HttpProtocols.Http1);
                })
                .ConfigureServices(services => services.AddRoutingCore())
                .Configure(app =>
                {
                    app.Use(next => context =>
                    {
                        WebEndpoints.AddSecurityHeaders(context.Response);
                        return next(context);
                    });
                    app.UseRouting();
                    app.UseEndpoints(endpoints.Map);
                }))
            .Build();

    /// <summary>The page's address: the bound port (port 0 picks one), and 127.0.0.1 for "every address".</summary>
    private static Uri Url(IHost app, IPEndPoint endpoint)
    {
        int port = endpoint.Port;
        string? bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (bound is not null && Uri.TryCreate(bound, UriKind.Absolute, out Uri? parsed))
        {
            port = parsed.Port;
        }

        IPAddress host = ConfigView.IsAny(endpoint.Address) ? IPAddress.Loopback : endpoint.Address;
        return new Uri($"http://{new IPEndPoint(host, port)}/");
    }

    private static string Describe(IPEndPoint endpoint) => endpoint.ToString();

    [LoggerMessage(Level = LogLevel.Information, Message = "Web page: {Url}")]
    private static partial void LogServing(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Error, Message = "Web: {Detail}")]
    private static partial void LogFailed(ILogger logger, string detail);
}
