using System.Net.Sockets;

namespace SolarTap.Supervisor.Simulation;

/// <summary>
/// Runs a <see cref="SolarEdgeInverterSimulator"/> over a real TCP connection, as an inverter connects to its
/// monitoring server (spec §5.1 item 3). The simulator keeps all protocol logic; this only moves bytes and time.
/// </summary>
public sealed class SimulatedInverterClient
{
    private readonly Func<DateTimeOffset> _clock;

    /// <summary>A driver for <paramref name="simulator"/>; <paramref name="clock"/> gives the simulated time (default: the system clock).</summary>
    /// <remarks>For a fast demo pass an accelerated clock, for example start + 60 × real elapsed time.</remarks>
    public SimulatedInverterClient(SolarEdgeInverterSimulator simulator, Func<DateTimeOffset>? clock = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        Simulator = simulator;
        _clock = clock ?? TimeProvider.System.GetUtcNow;
    }

    /// <summary>The simulated inverter.</summary>
    public SolarEdgeInverterSimulator Simulator { get; }

    /// <summary>How long to wait for server bytes before polling the simulator again (real time).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Bytes sent and received over all connections.</summary>
    public (long Sent, long Received) Bytes => (_sent, _received);

    private long _sent;
    private long _received;

    /// <summary>Connections made (including the first).</summary>
    public int Connections { get; private set; }

    /// <summary>
    /// Like <see cref="RunAsync"/>, but as a real inverter does after a lost connection or a refused connect: waits
    /// <paramref name="retryDelay"/> and connects again, until <paramref name="until"/> holds.
    /// </summary>
    /// <param name="host">Server name or address (resolved again for every connection).</param>
    /// <param name="port">Server port.</param>
    /// <param name="until">Checked after every exchange.</param>
    /// <param name="retryDelay">Pause between connection attempts (real time).</param>
    /// <param name="onError">Told about each failed or lost connection, for progress output; may be null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task RunWithRetriesAsync(string host, int port, Func<SolarEdgeInverterSimulator, bool> until, TimeSpan retryDelay,
        Action<string>? onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(until);
        while (!until(Simulator))
        {
            try
            {
                if (await RunAsync(host, port, until, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                onError?.Invoke($"{host}:{port} closed the connection");
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                onError?.Invoke($"{host}:{port}: {e.Message}");
            }

            await Task.Delay(retryDelay, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Connects to <paramref name="host"/>:<paramref name="port"/> and runs until <paramref name="until"/> holds
    /// (checked after every exchange) or the server closes the connection.
    /// </summary>
    /// <returns><see langword="true"/> when <paramref name="until"/> was met; <see langword="false"/> when the server closed.</returns>
    public async Task<bool> RunAsync(string host, int port, Func<SolarEdgeInverterSimulator, bool> until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(until);
        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        Connections++;
        NetworkStream stream = client.GetStream();
        var buffer = new byte[8192];
        Task<int>? read = null;
        try
        {
            while (!until(Simulator))
            {
                cancellationToken.ThrowIfCancellationRequested();
                byte[] output = Simulator.Poll(_clock());
                if (output.Length > 0)
                {
                    await stream.WriteAsync(output, cancellationToken).ConfigureAwait(false);
                    _sent += output.Length;
                }

                read ??= stream.ReadAsync(buffer, cancellationToken).AsTask();
                Task done = await Task.WhenAny(read, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
                if (done != read)
                {
                    continue;
                }

                int count = await read.ConfigureAwait(false);
                read = null;
                if (count == 0)
                {
                    return false;
                }

                _received += count;
                Simulator.Receive(buffer.AsSpan(0, count), _clock());
            }

            return true;
        }
        finally
        {
            Simulator.Disconnected();
            client.Close();
            if (read is not null)
            {
                try
                {
                    await read.ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
                {
                    // the pending read ends with the connection
                }
            }
        }
    }
}
