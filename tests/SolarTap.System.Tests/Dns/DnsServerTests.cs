using System.Text.Json;
using System.Text.RegularExpressions;
using SolarTap.System.Tests.Network;

namespace SolarTap.System.Tests.Dns;

/// <summary>
/// Issue 3 §7, DNS: dig against the running supervisor (A, AAAA, names forwarded to dnsmasq upstream, nonexistent
/// names, TCP), malformed packets from a raw socket, and no answers on any other interface.
/// </summary>
public sealed class DnsServerTests(DnsLab lab) : IClassFixture<DnsLab>
{
    private const string MalformedSender = """
# Sends malformed DNS queries to SERVER:53 from a raw socket (UDP header written by hand, checksum 0), and prints
# the reply to each as "CASE rcode=N" or "CASE none". Run inside the client namespace by DnsServerTests.
import socket, struct, sys

server, source_port = sys.argv[1], 40053
cases = {
    "garbage": bytes.fromhex("ffffffffff"),                                            # shorter than a header
    "loop": bytes.fromhex("abcd01000001000000000000") + bytes.fromhex("c00c00010001"),  # name pointing at itself
    "cut": bytes.fromhex("abce01000001000000000000") + b"\x04prod\x09sola",             # question cut short
    "counts": bytes.fromhex("abcf0100ffff000000000000") + b"\x00\x00\x01\x00\x01",      # 65535 questions claimed
}
listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
listener.bind(("0.0.0.0", source_port))
listener.settimeout(1.0)
raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP)
for name, payload in cases.items():
    raw.sendto(struct.pack("!HHHH", source_port, 53, 8 + len(payload), 0) + payload, (server, 0))
    try:
        reply = listener.recv(4096)
        print(f"{name} id={reply[0:2].hex()} rcode={reply[3] & 15}", flush=True)
    except socket.timeout:
        print(f"{name} none", flush=True)
""";

    [Theory]
    [InlineData("prod.solaredge.com")]
    [InlineData("PROD2.SolarEdge.com")]
    [InlineData("solaredge.com")]
    public async Task DigA_LocalName_IsTheApplianceAuthoritatively(string name)
    {
        string output = await lab.DigAsync(name, "A");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Contains("flags: qr aa rd ra;", output, StringComparison.Ordinal);
        Assert.Matches("(?mi)^" + Regex.Escape(name) + @"\.\s+60\s+IN\s+A\s+192\.0\.2\.1$", output);
        AssertNothingAnsweredOnTheUplink();
    }

    [Fact]
    public async Task DigAaaa_LocalName_IsNoDataWithTheZoneSoa()
    {
        string output = await lab.DigAsync("prod.solaredge.com", "AAAA");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Contains("ANSWER: 0, AUTHORITY: 1", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^solaredge\.com\.\s+60\s+IN\s+SOA\s+solartap\. hostmaster\.solartap\.", output);
    }

    [Theory]
    [InlineData("+notcp")]
    [InlineData("+tcp")]
    public async Task Dig_OtherName_IsForwardedToDnsmasqOverTheSameTransport(string transport)
    {
        string output = await lab.DigAsync(transport, "forwarded.example", "A");

        Assert.Contains("status: NOERROR", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^forwarded\.example\.\s+\d+\s+IN\s+A\s+203\.0\.113\.80$", output);
        Assert.Contains("query[A] forwarded.example from 198.51.100.1", lab.Dnsmasq.Output, StringComparison.Ordinal);
        AssertNothingAnsweredOnTheUplink();
    }

    [Fact]
    public async Task Dig_NonexistentName_IsNxDomainFromUpstream()
    {
        string output = await lab.DigAsync("nothing.example.net", "A");

        Assert.Contains("status: NXDOMAIN", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigTcp_LocalName_IsAnswered()
    {
        string output = await lab.DigAsync("+tcp", "prod.solaredge.com", "A");

        Assert.Matches(@"(?m)^prod\.solaredge\.com\.\s+60\s+IN\s+A\s+192\.0\.2\.1$", output);
    }

    [Fact]
    public async Task RawSocket_MalformedQueries_GetFormErrOrNothing_AndTheServerGoesOn()
    {
        Network.Commands.Require("python3", "python3");

        CommandResult result = await lab.Lab.RunAsync(lab.Client, "python3", "-c", MalformedSender, DnsLab.ApplianceAddress);

        result.EnsureSuccess();
        Assert.Equal(
            ["garbage none", "loop id=abcd rcode=1", "cut id=abce rcode=1", "counts id=abcf rcode=1"],
            result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("192.0.2.1", await lab.DigAsync("+short", "prod.solaredge.com"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsServerName_MarksTheInverterInTheStatus_AndIsLoggedOnce()
    {
        await lab.DigAsync("prodssl.solaredge.com", "A");
        await lab.DigAsync("prodssl.solaredge.com", "A");

        await lab.Supervisor.WaitForLogAsync("DNS: 192.0.2.10 asked prodssl.solaredge.com: TLS firmware: its data cannot be decoded over the network; use RS485 or SunSpec Modbus");
        Assert.Equal(1, lab.Supervisor.CountInLog("TLS firmware: its data cannot be decoded"));
        Assert.Equal(1, lab.Supervisor.CountInLog("DNS: 192.0.2.10 asked prodssl.solaredge.com\n"));
        JsonElement status = await lab.Supervisor.StatusAsync();
        JsonElement inverter = Assert.Single(status.GetProperty("inverters").EnumerateArray(), i => i.GetProperty("address").GetString() == "192.0.2.10");
        Assert.Equal("tls", inverter.GetProperty("firmware").GetString());
        Assert.NotNull(inverter.GetProperty("guidance").GetString());
    }

    [Theory]
    [InlineData(DnsLab.UplinkAddress, "+notcp")]
    [InlineData(DnsLab.UplinkAddress, "+tcp")]
    [InlineData(DnsLab.ApplianceAddress, "+notcp")]
    [InlineData(DnsLab.ApplianceAddress, "+tcp")]
    public async Task QueryFromTheUplink_IsNeverAnswered(string server, string transport)
    {
        CommandResult result = await lab.Lab.RunAsync(lab.Upstream, "dig", "@" + server, "+tries=1", "+time=1", transport, "prod.solaredge.com", "A");

        Assert.DoesNotContain("status:", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.1\n", result.StandardOutput.Replace("@192.0.2.1", "", StringComparison.Ordinal), StringComparison.Ordinal);
        AssertNothingAnsweredOnTheUplink();
    }

    private void AssertNothingAnsweredOnTheUplink()
    {
        // TCP resets for a closed port are the kernel's, not the DNS server's: only UDP and TCP payload from port 53 count.
        var answers = lab.Uplink.Packets.Where(p => !p.Contains("Flags [R", StringComparison.Ordinal)).ToList();
        Assert.True(answers.Count == 0, "the appliance answered on the uplink:\n" + string.Join('\n', answers));
    }
}
