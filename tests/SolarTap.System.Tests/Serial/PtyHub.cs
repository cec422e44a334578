using SolarTap.Linux.Serial;

namespace SolarTap.System.Tests.Serial;

/// <summary>
/// A shared RS485 medium made of kernel pseudo-terminals: whatever one node writes to its terminal reaches every
/// other node, as on a two-wire bus. Counts what each node sent, so a test can prove a listener never transmitted.
/// </summary>
public sealed class PtyHub : IDisposable
{
    private readonly PseudoTerminal[] _nodes;
    private readonly long[] _sent;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;

    /// <summary>A hub with <paramref name="nodes"/> terminals; open each <see cref="DevicePath"/> as a serial port.</summary>
    public PtyHub(int nodes)
    {
        _nodes = [.. Enumerable.Range(0, nodes).Select(_ => PseudoTerminal.Open())];
        _sent = new long[nodes];
        _thread = new Thread(Pump) { IsBackground = true, Name = "pty hub" };
        _thread.Start();
    }

    /// <summary>The terminal device of node <paramref name="node"/>.</summary>
    public string DevicePath(int node) => _nodes[node].DevicePath;

    /// <summary>Bytes node <paramref name="node"/> has put on the bus.</summary>
    public long Sent(int node) => Interlocked.Read(ref _sent[node]);

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        foreach (PseudoTerminal node in _nodes)
        {
            node.Dispose();
        }

        _stop.Dispose();
    }

    private void Pump()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            bool any = false;
            for (int i = 0; i < _nodes.Length; i++)
            {
                int count;
                try
                {
                    count = _nodes[i].Read(buffer, TimeSpan.Zero);
                }
                catch (IOException)
                {
                    continue; // nobody has this node's terminal open (yet, or any more)
                }

                if (count == 0)
                {
                    continue;
                }

                any = true;
                Interlocked.Add(ref _sent[i], count);
                for (int j = 0; j < _nodes.Length; j++)
                {
                    if (j != i)
                    {
                        _nodes[j].Write(buffer.AsSpan(0, count));
                    }
                }
            }

            if (!any)
            {
                Thread.Sleep(1);
            }
        }
    }
}
