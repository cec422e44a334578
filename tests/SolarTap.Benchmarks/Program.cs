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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
