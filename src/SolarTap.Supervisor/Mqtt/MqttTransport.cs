using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace SolarTap.Supervisor.Mqtt;

/// <summary>Opens the byte stream under an MQTT connection: TCP, optionally wrapped in TLS.</summary>
public static class MqttTransport
{
    /// <summary>Connects (and, for TLS, authenticates the broker and presents the client certificate).</summary>
    /// <exception cref="SocketException">TCP failed.</exception>
    /// <exception cref="System.Security.Authentication.AuthenticationException">The TLS handshake or the broker's certificate failed.</exception>
    /// <exception cref="TimeoutException">Connecting took longer than <see cref="MqttTransportOptions.ConnectTimeout"/>.</exception>
    public static async Task<Stream> ConnectAsync(MqttTransportOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        using var timeout = new CancellationTokenSource(options.ConnectTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, linked.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (!options.UseTls)
            {
                return stream;
            }

            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            stream = ssl;
            await ssl.AuthenticateAsClientAsync(TlsOptions(options), linked.Token).ConfigureAwait(false);
            return ssl;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await DisposeAsync(stream, socket).ConfigureAwait(false);
            throw new TimeoutException($"Connecting to {options.Host}:{options.Port} took longer than {options.ConnectTimeout.TotalSeconds} s.");
        }
        catch
        {
            await DisposeAsync(stream, socket).ConfigureAwait(false);
            throw;
        }
    }

    private static SslClientAuthenticationOptions TlsOptions(MqttTransportOptions options)
    {
        var tls = new SslClientAuthenticationOptions { TargetHost = options.ServerName ?? options.Host };
        if (options.CaCertificateFile is { } caFile)
        {
            // Trust exactly the given CA(s); the host name is still checked against the certificate.
            var policy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                RevocationMode = X509RevocationMode.NoCheck,
            };
            policy.CustomTrustStore.ImportFromPemFile(caFile);
            tls.CertificateChainPolicy = policy;
        }

        if (options.ClientCertificateFile is { } certFile)
        {
            tls.ClientCertificates = [X509Certificate2.CreateFromPemFile(certFile, options.ClientKeyFile)];
        }

        return tls;
    }

    private static async ValueTask DisposeAsync(Stream? stream, Socket socket)
    {
        if (stream is not null)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        socket.Dispose();
    }
}
