namespace SolarTap.Protocols.SolarEdge.Crypto;

/// <summary>One inverter's last 0x0503 and, once its key is known, the cipher derived from it (spec §4.3, §4.6).</summary>
internal sealed class InverterSession(SessionKeyAnnouncement announcement, DateTimeOffset receivedAt) : IDisposable
{
    public SessionKeyAnnouncement Announcement { get; } = announcement;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public SessionCipher? Cipher { get; set; }

    public void Dispose() => Cipher?.Dispose();
}
