using System.Globalization;
using BenchmarkDotNet.Running;
using SolarTap.Testing;

// `write-capture FILE MIB` writes the synthetic site capture used by tests/perf/pcap-to-json.sh;
// anything else goes to BenchmarkDotNet (e.g. --filter '*Framing*').
if (args is ["write-capture", string path, string mebibytes])
{
    File.WriteAllBytes(path, SyntheticSite.Capture(int.Parse(mebibytes, CultureInfo.InvariantCulture) << 20));
    Console.WriteLine($"wrote {new FileInfo(path).Length:N0} bytes to {path}");
    return;
}

// `post-to-mqtt SERVER_PORT BROKER_PORT POSTS OPTIMIZERS INTERVAL_MS WARMUP` is the driver of tests/perf/post-to-mqtt-latency.sh.
if (args is ["post-to-mqtt", string server, string broker, string posts, string optimizers, string intervalMs, string warmup])
{
    static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
    Environment.Exit(await SolarTap.Benchmarks.PostToMqttLatency.RunAsync(Int(server), Int(broker), Int(posts), Int(optimizers),
        TimeSpan.FromMilliseconds(Int(intervalMs)), Int(warmup)));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
