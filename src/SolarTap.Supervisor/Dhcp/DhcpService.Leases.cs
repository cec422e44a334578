using Microsoft.Extensions.Logging;
using SolarTap.Protocols.Dhcp;
using SolarTap.Supervisor.Status;

namespace SolarTap.Supervisor.Dhcp;

internal sealed partial class DhcpService
{
    private void LoadLeases(DhcpServerEngine engine)
    {
        string? text;
        try
        {
            text = _leaseFile.Load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogLeaseFileProblem(logger, $"cannot read {_leaseFile.Path}: {e.Message}; starting without saved leases");
            return;
        }

        if (text is null)
        {
            return;
        }

        DhcpImportResult result = engine.Leases.Import(text);
        foreach (string error in result.Errors)
        {
            LogLeaseFileProblem(logger, $"{_leaseFile.Path} {error}");
        }

        LogLeasesLoaded(logger, result.Imported, _leaseFile.Path);
        DateTimeOffset now = time.GetUtcNow();
        foreach (DhcpLease lease in engine.Leases.Snapshot().Where(l => l.IsBound(now)))
        {
            Status.InverterOnLink(lease.Mac, lease.Address.ToIPAddress(), lease.HostName ?? ReservedName(lease.Mac));
        }
    }

    /// <summary>Once a second: publish counters, save changed leases (so a burst of changes is one write); once a minute: expire.</summary>
    private async Task HousekeepingAsync(DhcpServerEngine engine, CancellationToken stoppingToken)
    {
        DateTimeOffset lastExpire = time.GetUtcNow();
        using var timer = new PeriodicTimer(SaveDelay, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                _counters.Publish(Status, Source);
                DateTimeOffset now = time.GetUtcNow();
                if (now - lastExpire >= ExpireInterval)
                {
                    lastExpire = now;
                    Expire(engine, now);
                }

                SaveIfDirty(engine);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private void Expire(DhcpServerEngine engine, DateTimeOffset now)
    {
        IReadOnlyList<DhcpLeaseEvent> expired;
        lock (_gate)
        {
            expired = engine.Expire(now);
        }

        foreach (DhcpLeaseEvent evt in expired)
        {
            OnEvent(evt);
        }

        if (expired.Count > 0)
        {
            RequestSave();
        }
    }

    private void RequestSave() => _dirty = true;

    private void SaveIfDirty(DhcpServerEngine engine)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        string text;
        lock (_gate)
        {
            text = engine.Leases.Export();
        }

        try
        {
            _leaseFile.Save(text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogLeaseFileProblem(logger, $"cannot save leases to {_leaseFile.Path}: {e.Message}");
            Status.SetSource(Source, ComponentState.Running, $"serving {network.Interface}, but cannot save leases to {_leaseFile.Path}: {e.Message}");
        }
    }

    private string? ReservedName(Protocols.Net.MacAddress mac) =>
        network.Reservations.FirstOrDefault(r => r.Mac == mac)?.Hostname;
}
