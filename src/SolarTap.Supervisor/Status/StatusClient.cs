using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace SolarTap.Supervisor.Status;

/// <summary>Asks a running supervisor for its status over the local status socket.</summary>
public static class StatusClient
{
    /// <summary>Longest answer accepted.</summary>
    public const int MaxAnswerBytes = 4 * 1024 * 1024;

    /// <summary>The supervisor's status as raw JSON (one line, no '\n').</summary>
    /// <exception cref="StatusUnavailableException">No supervisor answers at <paramref name="socketPath"/>, or it answered with something other than a status.</exception>
    public static async Task<byte[]> QueryJsonAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(socketPath);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancel.CancelAfter(timeout);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel.Token).ConfigureAwait(false);
            await socket.SendAsync(Encoding.ASCII.GetBytes(StatusSocketService.Request + "\n"), SocketFlags.None, cancel.Token).ConfigureAwait(false);
            using var answer = new MemoryStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token).ConfigureAwait(false)) > 0)
            {
                answer.Write(buffer, 0, n);
                if (answer.Length > MaxAnswerBytes)
                {
                    throw new StatusUnavailableException($"the answer at {socketPath} is larger than {MaxAnswerBytes} bytes: is it a solartap status socket?");
                }
            }

            byte[] json = answer.ToArray();
            return json.AsSpan().TrimEnd("\r\n"u8).ToArray();
        }
        catch (SocketException e)
        {
            throw new StatusUnavailableException(NotRunning(socketPath), e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StatusUnavailableException($"the supervisor at {socketPath} did not answer within {timeout.TotalSeconds:0} s", e);
        }
    }

    /// <summary>The supervisor's status.</summary>
    /// <exception cref="StatusUnavailableException">No supervisor answers at <paramref name="socketPath"/>, or the answer is not a status.</exception>
    public static async Task<StatusSnapshot> QueryAsync(string socketPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        byte[] json = await QueryJsonAsync(socketPath, timeout, cancellationToken).ConfigureAwait(false);
        try
        {
            return StatusJson.Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new StatusUnavailableException($"the answer at {socketPath} is not a solartap status: {e.Message}", e);
        }
    }

    /// <summary>The one-line message for "nobody answers at this path".</summary>
    public static string NotRunning(string socketPath) => $"no supervisor at {socketPath}: is solartap running?";

    /// <summary>Whether something accepts connections at <paramref name="socketPath"/>.</summary>
    internal static bool IsAnswering(string socketPath)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
