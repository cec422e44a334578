using SolarTap.Devices.Serial;

namespace SolarTap.Testing.Simulators;

/// <summary>
/// Several <see cref="SolarEdgeRs485Slave"/>s on one RS485 bus: every byte the master sends reaches every slave, and
/// what they answer goes back on the same line. Use <see cref="Receive"/> directly (synchronous unit tests), or
/// <see cref="Serve"/> on the far end of a real serial line or pty.
/// </summary>
public sealed class SolarEdgeRs485Bus(params SolarEdgeRs485Slave[] slaves)
{
    /// <summary>The slaves, in the order given.</summary>
    public IReadOnlyList<SolarEdgeRs485Slave> Slaves { get; } = slaves;

    /// <summary>Feeds bytes from the line to every slave and returns their answers, in order.</summary>
    public IReadOnlyList<byte[]> Receive(ReadOnlySpan<byte> bytes)
    {
        var replies = new List<byte[]>();
        foreach (SolarEdgeRs485Slave slave in Slaves)
        {
            replies.AddRange(slave.Receive(bytes));
        }

        return replies;
    }

    /// <summary>Answers on <paramref name="port"/> until cancelled (or the port fails).</summary>
    public void Serve(ISerialPort port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(port);
        var buffer = new byte[4096];
        while (!cancellationToken.IsCancellationRequested)
        {
            int count;
            try
            {
                count = port.Read(buffer, TimeSpan.FromMilliseconds(100));
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            foreach (byte[] reply in Receive(buffer.AsSpan(0, count)))
            {
                port.Write(reply);
            }
        }
    }
}
