using Microsoft.Extensions.Hosting;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// The web page's inner host has no lifetime of its own: the supervisor starts and stops it. (The default, the
/// console lifetime, would also catch SIGTERM and Ctrl+C, which are the supervisor's.)
/// </summary>
internal sealed class WebHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
