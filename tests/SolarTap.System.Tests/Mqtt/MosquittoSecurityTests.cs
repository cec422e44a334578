using SolarTap.Protocols.Mqtt;
using SolarTap.System.Tests.Network;
using SolarTap.Supervisor.Mqtt;
using static SolarTap.System.Tests.Mqtt.MqttSystemTest;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>User name/password (mosquitto_passwd) and TLS with a CA and client certificate made by the test.</summary>
public class MosquittoSecurityTests
{
    private static readonly Dictionary<string, string> Users = new() { ["solar"] = "s3cret" };

    [Fact]
    public async Task Connect_WrongPassword_SurfacesAuthenticationFailedAndKeepsRetrying()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(users: Users);
        await using var client = new MqttEventLog(Client("st-auth") with { UserName = "solar", Password = "wrong" }, Plain(broker));

        List<MqttSessionEvent> events = await client.WaitAsync(e => e.Count(x => x.Kind == MqttSessionEventKind.ConnectRefused) >= 2, "two refusals (a retry)");
        MqttSessionEvent refused = events.First(x => x.Kind == MqttSessionEventKind.ConnectRefused);
        Assert.True(MqttConnectReturnCodes.IsAuthenticationFailure(refused.ReturnCode), $"return code {refused.ReturnCode}");
        Assert.Equal("MQTT: authentication failed", client.Connection.StatusText);
        Assert.DoesNotContain(events, x => x.Kind == MqttSessionEventKind.Connected);
    }

    [Fact]
    public async Task Connect_RightPassword_ConnectsAndPublishes()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(users: Users);
        await using var client = new MqttEventLog(Client("st-auth-ok") with { UserName = "solar", Password = "s3cret" }, Plain(broker));
        await client.ConnectedAsync();
        client.Connection.TryPublish(Text("solartap/auth", "ok", retain: true), 1);
        await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.PublishAcknowledged), "PUBACK");
        Assert.Equal("MQTT: connected", client.Connection.StatusText);
    }

    [Fact]
    public async Task Tls_CaFileAndClientCertificate_ConnectsAndMosquittoSubOverTlsReceives()
    {
        string pki = Directory.CreateTempSubdirectory("solartap-pki-").FullName;
        try
        {
            TestCertificates certificates = TestCertificates.Create(pki);
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(tls: certificates, requireClientCertificate: true);
            MqttTransportOptions tls = Plain(broker) with
            {
                Host = "127.0.0.1",
                ServerName = "localhost",
                UseTls = true,
                CaCertificateFile = certificates.CaFile,
                ClientCertificateFile = certificates.ClientCertificateFile,
                ClientKeyFile = certificates.ClientKeyFile,
            };
            await using var client = new MqttEventLog(Client("st-tls"), tls);
            await client.ConnectedAsync();
            client.Connection.TryPublish(Text("solartap/tls", "encrypted", retain: true), 1);
            await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.PublishAcknowledged), "PUBACK over TLS");

            CommandResult sub = await Network.Commands.RunAsync(MosquittoBroker.Require("mosquitto_sub"),
                ["-h", "localhost", "-p", broker.PortText, "--cafile", certificates.CaFile, "--cert", certificates.ClientCertificateFile,
                 "--key", certificates.ClientKeyFile, "-t", "solartap/tls", "-C", "1", "-W", "5"], TimeSpan.FromSeconds(15));
            Assert.Equal("encrypted", sub.EnsureSuccess().StandardOutput.Trim());
        }
        finally
        {
            Directory.Delete(pki, recursive: true);
        }
    }

    [Fact]
    public async Task Tls_BrokerSignedByAnotherCa_IsRejectedNeverConnected()
    {
        string pki = Directory.CreateTempSubdirectory("solartap-pki-").FullName;
        string other = Directory.CreateTempSubdirectory("solartap-pki-other-").FullName;
        try
        {
            TestCertificates certificates = TestCertificates.Create(pki);
            TestCertificates stranger = TestCertificates.Create(other);
            await using MosquittoBroker broker = await MosquittoBroker.StartAsync(tls: certificates);
            MqttTransportOptions tls = Plain(broker) with { ServerName = "localhost", UseTls = true, CaCertificateFile = stranger.CaFile };
            await using var client = new MqttEventLog(Client("st-tls-bad"), tls);

            List<MqttSessionEvent> events = await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.ConnectionLost), "a failed handshake");
            Assert.DoesNotContain(events, x => x.Kind == MqttSessionEventKind.Connected);
            Assert.StartsWith("MQTT: disconnected (", client.Connection.StatusText, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(pki, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }
}
