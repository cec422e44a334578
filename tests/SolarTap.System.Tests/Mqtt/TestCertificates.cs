using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>
/// A throw-away PKI made with <see cref="CertificateRequest"/> (no openssl): a self-signed CA, a server certificate
/// for localhost/127.0.0.1 and a client certificate, all written as PEM files.
/// </summary>
internal sealed class TestCertificates
{
    private TestCertificates(string directory) => Directory = directory;

    public string Directory { get; }

    public string CaFile => Path.Combine(Directory, "ca.crt");

    public string ServerCertificateFile => Path.Combine(Directory, "server.crt");

    public string ServerKeyFile => Path.Combine(Directory, "server.key");

    public string ClientCertificateFile => Path.Combine(Directory, "client.crt");

    public string ClientKeyFile => Path.Combine(Directory, "client.key");

    /// <summary>Makes and writes the CA, server and client certificates into <paramref name="directory"/>.</summary>
    public static TestCertificates Create(string directory)
    {
        var files = new TestCertificates(directory);
        DateTimeOffset from = DateTimeOffset.UtcNow.AddMinutes(-5);
        DateTimeOffset until = from.AddDays(2);

        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=SolarTap Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(from, until);
        File.WriteAllText(files.CaFile, ca.ExportCertificatePem());

        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(global::System.Net.IPAddress.Loopback);
        Issue(ca, "CN=localhost", names.Build(), "1.3.6.1.5.5.7.3.1", files.ServerCertificateFile, files.ServerKeyFile, from, until, 1); // serverAuth
        Issue(ca, "CN=solartap-test-client", null, "1.3.6.1.5.5.7.3.2", files.ClientCertificateFile, files.ClientKeyFile, from, until, 2); // clientAuth
        return files;
    }

    private static void Issue(X509Certificate2 ca, string subject, X509Extension? names, string usage, string certFile, string keyFile, DateTimeOffset from, DateTimeOffset until, byte serial)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usage)], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        if (names is not null)
        {
            request.CertificateExtensions.Add(names);
        }

        using X509Certificate2 certificate = request.Create(ca, from, until, [serial, 0x5A, 0x17]);
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
    }
}
