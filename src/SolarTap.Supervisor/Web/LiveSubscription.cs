using System.Threading.Channels;

namespace SolarTap.Supervisor.Web;

/// <summary>One open event stream: the messages to send, and a way to leave the feed.</summary>
internal sealed class LiveSubscription(ChannelReader<ReadOnlyMemory<byte>> messages, Action leave) : IDisposable
{
    private int _left;

    /// <summary>Whole server-sent events, in order; completes when the feed ends.</summary>
    public ChannelReader<ReadOnlyMemory<byte>> Messages => messages;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            leave();
        }
    }
}
