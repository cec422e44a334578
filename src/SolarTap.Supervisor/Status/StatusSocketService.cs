using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Status;

/// <summary>
/// Answers <c>solartap status</c> on a local Unix stream socket: a client sends "status\n" and gets the JSON
/// snapshot and '\n', then the connection closes. Runs in every state, configuration error included. A socket
/// file left by a supervisor that died is replaced; one a live supervisor answers on is not.
/// </summary>
internal sealed partial class StatusSocketService(StatusOptions options, StatusModel status, ILogger<StatusSocketService> logger) : BackgroundService
{
    /// <summary>The request; anything else gets an error line.</summary>
    public const string Request = "status";

    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(5);
    private Socket? _listener;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        string path = options.Socket;
        try
        {
            _listener = Listen(path);
            LogListening(logger, path);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            string message = $"status: cannot listen on {path}: {e.Message}";
            LogFailed(logger, message);
            status.ReportFault(message);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listener?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_listener is not null)
        {
            TryDelete(options.Socket);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_listener is not { } listener)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                LogFailed(logger, $"status: accept failed: {e.Message}");
                continue;
            }

            _ = AnswerAsync(client, stoppingToken);
        }
    }

    private async Task AnswerAsync(Socket client, CancellationToken stoppingToken)
    {
        using (client)
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            timeout.CancelAfter(ClientTimeout);
            try
            {
                string request = await ReadLineAsync(client, timeout.Token).ConfigureAwait(false);
                byte[] answer = request == Request
                    ? [.. StatusJson.Serialize(status.Snapshot()), (byte)'\n']
                    : Encoding.UTF8.GetBytes($"error: unknown request \"{request}\"; send \"{Request}\"\n");
                await client.SendAsync(answer, SocketFlags.None, timeout.Token).ConfigureAwait(false);
                client.Shutdown(SocketShutdown.Both);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // the client went away or was too slow; nothing to do
            }
        }
    }

    private static async Task<string> ReadLineAsync(Socket client, CancellationToken cancellationToken)
    {
        byte[] buffer = new byte[64];
        int length = 0;
        while (length < buffer.Length)
        {
            int n = await client.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            length += n;
            if (buffer.AsSpan(0, length).Contains((byte)'\n'))
            {
                break;
            }
        }

        return Encoding.UTF8.GetString(buffer, 0, length).Split('\n')[0].TrimEnd('\r');
    }

    private static Socket Listen(string path)
    {
        string? folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        if (File.Exists(path))
        {
            if (StatusClient.IsAnswering(path))
            {
                throw new IOException("another supervisor is answering there");
            }

            File.Delete(path); // left by a supervisor that died
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            // Status is for everyone on the box: `solartap status` works without sudo.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
                    | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite);
            }
            socket.Listen(16);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a stale socket file is replaced at the next start
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Status socket: {Path}")]
    private static partial void LogListening(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Message}")]
    private static partial void LogFailed(ILogger logger, string message);
}
