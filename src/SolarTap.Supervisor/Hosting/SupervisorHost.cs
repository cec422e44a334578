using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Status;
using SolarTap.Supervisor.Systemd;
using SolarTap.Supervisor.Web;

namespace SolarTap.Supervisor.Hosting;

/// <summary>
/// Builds the supervisor process (Microsoft.Extensions.Hosting): configuration, systemd-format logging, the status
/// model and socket, systemd notification, and, when the configuration is valid, the appliance services
/// (<see cref="ApplianceServices"/>). With a bad configuration it still runs, in the "configuration error" state,
/// so the status surfaces can say what is wrong instead of the service crash-looping.
/// </summary>
public static class SupervisorHost
{
    /// <summary>Loads the configuration and builds the host; it does not start it.</summary>
    public static IHost Build(SupervisorHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ConfigLoadResult config = ConfigLoader.Load(settings.ConfigPath, settings.ConfigCandidates);
        return Build(settings, config);
    }

    /// <summary>Builds the host for an already loaded configuration.</summary>
    public static IHost Build(SupervisorHostSettings settings, ConfigLoadResult config)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(config);
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "solartap",
            DisableDefaults = true,
        });

        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        // "<6>Category[0] message": journald reads the priority from the <N> prefix and adds its own time stamp.
        builder.Logging.AddSystemdConsole(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = null;
        });

        IServiceCollection services = builder.Services;
        services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));

        SupervisorOptions options = config.Options;
        var status = new StatusModel(settings.TimeProvider);
        status.SetConfigPath(config.Path);
        if (!config.IsValid)
        {
            status.SetState(SupervisorState.ConfigurationError, [.. config.Errors.Select(e => e.ToString())]);
        }

        services.AddSingleton(settings.TimeProvider);
        services.AddSingleton(config);
        services.AddSingleton(status);
        AddOptions(services, options);
        services.AddSingleton(_ => settings.Notifier ?? SystemdNotifier.FromEnvironment());

        services.AddHostedService<SupervisorLifecycleService>();
        services.AddHostedService<StatusSocketService>();
        services.AddHostedService<Display.StatusIndicationService>(); // also with a bad configuration: the error LED says so

        // The web page runs in every state, like the status socket, so it can show a configuration error.
        services.AddSingleton(new LiveSettings(options.Oled.PageInterval));
        services.AddSingleton<WebPageAddress>();
        services.AddHostedService<WebPageService>();
        if (config.IsValid)
        {
            services.AddApplianceServices(options);
            settings.ConfigureServices?.Invoke(services, options);
        }

        services.AddHostedService<SystemdNotifyService>();
        return builder.Build();
    }

    /// <summary>Runs a supervisor until SIGTERM or Ctrl+C. Returns 0: a bad configuration is a state, not an exit.</summary>
    public static async Task<int> RunAsync(SupervisorHostSettings settings, CancellationToken cancellationToken)
    {
        using IHost host = Build(settings);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>Each section both as itself and as <see cref="IOptions{TOptions}"/>, for services to take either way.</summary>
    private static void AddOptions(IServiceCollection services, SupervisorOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(Options.Create(options));
        Add(options.Network);
        Add(options.Dns);
        Add(options.SolarEdge);
        Add(options.Journal);
        Add(options.Status);

        // The annotation IOptions<T> carries, so a trimmed publish keeps what Options needs of each section.
        void Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(T section)
            where T : class
        {
            services.AddSingleton(section);
            services.AddSingleton(Options.Create(section));
        }
    }
}
