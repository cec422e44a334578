using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Server;
using SolarTap.Protocols.Tests.SolarEdge.Crypto;
using SolarTap.Supervisor.Simulation;
using SolarTap.Testing.Simulators;
using static SolarTap.Protocols.Tests.SolarEdge.Server.ServerTestKit;

namespace SolarTap.Protocols.Tests.SolarEdge.Server;

/// <summary>
/// The simulator's TCP driver against a minimal loopback server that drives <see cref="SolarEdgeServerSession"/> the way
/// the appliance's TCP service should: PipeReader, Receive, perform actions in order, AdvanceTo what is left.
/// </summary>
public class SimulatedInverterClientTests
{
    [Fact]
    public async Task RunAsync_EncryptedInverterOverLoopbackTcp_ThreePostsAcknowledged()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var sessions = new InverterSessions(CryptoVectors.Lookup);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var journal = new List<SolarEdgePost>();
        Task serve = ServeOneAsync(listener, sessions, journal, timeout.Token);

        // Accelerated clock: every real poll moves simulated time on by a minute.
        DateTimeOffset simulated = Noon;
        using var inverter = new SolarEdgeInverterSimulator(Encrypted(timeRequests: 2), Noon);
        var client = new SimulatedInverterClient(inverter, () => simulated += TimeSpan.FromMinutes(1)) { PollInterval = TimeSpan.FromMilliseconds(5) };

        bool done = await client.RunAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, s => s.AcknowledgedPosts.Count >= 3, timeout.Token);
        await serve;

        Assert.True(done);
        Assert.Equal("", string.Join("\n", inverter.Problems));
        Assert.True(inverter.SessionAcknowledged);
        Assert.True(journal.Count >= 3);
        Assert.All(journal, post => Assert.True(post.Encrypted));
    }

    private static async Task ServeOneAsync(TcpListener listener, InverterSessions sessions, List<SolarEdgePost> journal, CancellationToken cancellationToken)
    {
        using TcpClient connection = await listener.AcceptTcpClientAsync(cancellationToken);
        NetworkStream stream = connection.GetStream();
        PipeReader reader = PipeReader.Create(stream);
        var session = new SolarEdgeServerSession(sessions);
        while (true)
        {
            ReadResult result = await reader.ReadAsync(cancellationToken);
            ReadOnlySequence<byte> buffer = result.Buffer;
            foreach (SolarEdgeServerAction action in session.Receive(ref buffer, DateTimeOffset.UtcNow, true, RandomNumberGenerator.Fill))
            {
                switch (action)
                {
                    case SolarEdgeSend send:
                        await stream.WriteAsync(send.Bytes, cancellationToken);
                        break;
                    case SolarEdgeCommit commit:
                        journal.Add(commit.Post); // the journal write; only then the ACK (ARCHITECTURE §3)
                        await stream.WriteAsync(session.Committed(commit.Token, DateTimeOffset.UtcNow, RandomNumberGenerator.Fill), cancellationToken);
                        break;
                    case SolarEdgeClose:
                        return;
                }
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}
