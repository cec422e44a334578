using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>
/// A real mosquitto started by the test on a free loopback port from a generated config file (never the system
/// service), in its own temporary directory. Missing mosquitto fails the test with the install command.
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private const string InstallHint = "apt-get install -y mosquitto mosquitto-clients";
    private readonly string _config;
    private RunningProcess? _process;

    private MosquittoBroker(string directory, int port, string config)
    {
        Directory = directory;
        Port = port;
        _config = config;
    }

    /// <summary>The broker's working directory (config, password file, certificates, persistence).</summary>
    public string Directory { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    public string PortText => Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>What the broker has logged so far.</summary>
    public string Log => _process?.Output ?? "";

    /// <summary>The whole log of the run that <see cref="StopAsync"/> ended last.</summary>
    public string StoppedLog { get; private set; } = "";

    /// <summary>Finds a program of the mosquitto packages (mosquitto itself lives in /usr/sbin).</summary>
    public static string Require(string program)
    {
        IEnumerable<string> directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/bin");
        string? path = directories.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{program}' is not installed; the MQTT system tests need a real broker: {InstallHint} (.ci/run does this).");
        return path!;
    }

    /// <summary>Starts a broker. <paramref name="users"/> turns off anonymous access; <paramref name="tls"/> makes the listener TLS.</summary>
    public static async Task<MosquittoBroker> StartAsync(
        IReadOnlyDictionary<string, string>? users = null, TestCertificates? tls = null, bool requireClientCertificate = false, bool persistence = false)
    {
        Require("mosquitto_sub");
        string directory = global::System.IO.Directory.CreateTempSubdirectory("solartap-mosquitto-").FullName;
        int port = FreePort();
        var config = new List<string>
        {
            "user root", // as root mosquitto would otherwise drop to 'mosquitto', which cannot read the temp directory
            $"listener {port} 127.0.0.1",
            "log_dest stdout",
            "log_type all",
            "max_inflight_messages 20",
        };
        if (users is not null)
        {
            string passwords = Path.Combine(directory, "passwd");
            await File.WriteAllTextAsync(passwords, "");
            foreach ((string user, string password) in users)
            {
                (await Network.Commands.RunAsync(Require("mosquitto_passwd"), ["-b", passwords, user, password])).EnsureSuccess();
            }

            config.Add("allow_anonymous false");
            config.Add($"password_file {passwords}");
        }
        else
        {
            config.Add("allow_anonymous true");
        }

        if (tls is not null)
        {
            config.Add($"cafile {tls.CaFile}");
            config.Add($"certfile {tls.ServerCertificateFile}");
            config.Add($"keyfile {tls.ServerKeyFile}");
            config.Add($"require_certificate {(requireClientCertificate ? "true" : "false")}");
        }

        if (persistence)
        {
            config.Add("persistence true");
            config.Add($"persistence_location {directory}/");
        }

        string file = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllLinesAsync(file, config);
        var broker = new MosquittoBroker(directory, port, file);
        await broker.RunAsync();
        return broker;
    }

    /// <summary>Stops the broker the way a service manager does (SIGTERM: it saves its persistence file) and waits.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            (await Network.Commands.RunAsync("kill", ["-TERM", process.Process.Id.ToString(CultureInfo.InvariantCulture)])).EnsureSuccess();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.Process.WaitForExitAsync(timeout.Token);
            await process.DisposeAsync();
            StoppedLog = process.Output; // complete: the log is flushed when mosquitto exits on SIGTERM
            _process = null;
        }
    }

    /// <summary>Starts the stopped broker again on the same port with the same config.</summary>
    public Task RestartAsync() => RunAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        global::System.IO.Directory.Delete(Directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync()
    {
        _process = Network.Commands.Start(Require("mosquitto"), ["-c", _config]);

        // Its log goes to a pipe and is block-buffered, so readiness is the port accepting connections.
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_process.Process.HasExited, $"mosquitto exited at start:\n{_process.Output}");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(50);
            }
        }
    }
}
