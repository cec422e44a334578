using Microsoft.Extensions.DependencyInjection;
using SolarTap.Supervisor.Configuration;
using SolarTap.Supervisor.Systemd;

namespace SolarTap.Supervisor.Hosting;

/// <summary>How to build a supervisor: where its configuration is, and seams for tests.</summary>
public sealed class SupervisorHostSettings
{
    /// <summary>The file from <c>--config</c>; null to look through <see cref="ConfigCandidates"/>.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Where to look when <see cref="ConfigPath"/> is null, in order. Default <see cref="ConfigLoader.DefaultCandidates"/>.</summary>
    public IReadOnlyList<string> ConfigCandidates { get; init; } = ConfigLoader.DefaultCandidates;

    /// <summary>The clock every service uses. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The systemd notifier. Default: from this process's environment ($NOTIFY_SOCKET, $WATCHDOG_USEC).</summary>
    public SystemdNotifier? Notifier { get; init; }

    /// <summary>
    /// More services, added after the appliance's own when the configuration is valid (tests swap fakes in here).
    /// </summary>
    public Action<IServiceCollection, SupervisorOptions>? ConfigureServices { get; init; }
}
