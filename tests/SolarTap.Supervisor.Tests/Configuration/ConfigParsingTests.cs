using System.Net;
using System.Text;
using SolarTap.Protocols.Net;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

public class ConfigParsingTests
{
    private const string File = "/boot/firmware/solartap.yaml";

    private const string FullConfig = """
        network:
          interface: eth1
          address: 10.20.0.1/16
          pool_start: 10.20.1.10
          pool_end: 10.20.1.50
          lease_time: 2h30m
          reservations:
            - mac: 00:27:02:1a:08:23
              address: 10.20.0.10
              hostname: roof
            - { mac: "00-27-02-1a-08-24", address: 10.20.0.11 }
          allowed_mac_prefixes: [00:27:02, 00:40:9d]
          allowed_macs: [b8:27:eb:00:00:01]
          uplink_interface: none
        dns:
          local_names: ["*.solaredge.com", monitoring.example.org.]
          upstream: 192.168.1.1:5353
          offline: fail
        solaredge:
          mode: relay
          ports: [22222]
          bind_address: 0.0.0.0
          time_zone: Europe/Berlin
          require_clock_sync: false
          relay_fallback: hold
          keys_directory: /boot/firmware/keys
          idle_timeout: 90s
        journal:
          path: /data/journal.db
        status:
          socket: /run/st.sock
        """;

    [Fact]
    public void Parse_EmptyFile_GivesTheDefaults()
    {
        ConfigLoadResult result = ConfigLoader.Parse("", File);

        Assert.True(result.IsValid);
        SupervisorOptions o = result.Options;
        Assert.Equal("eth0", o.Network.Interface);
        Assert.Equal(IPAddress.Parse("192.168.50.1"), o.Network.Address);
        Assert.Equal(24, o.Network.PrefixLength);
        Assert.Equal(IPNetwork.Parse("192.168.50.0/24"), o.Network.Subnet);
        Assert.Equal(IPAddress.Parse("192.168.50.100"), o.Network.PoolStart);
        Assert.Equal(IPAddress.Parse("192.168.50.199"), o.Network.PoolEnd);
        Assert.Equal(TimeSpan.FromHours(1), o.Network.LeaseTime);
        Assert.Empty(o.Network.Reservations);
        Assert.Equal([MacPrefix.Parse("00:27:02")], o.Network.AllowedMacPrefixes);
        Assert.Empty(o.Network.AllowedMacs);
        Assert.Equal("wlan0", o.Network.UplinkInterface);
        Assert.Equal(["*.solaredge.com"], o.Dns.LocalNames);
        Assert.Null(o.Dns.Upstream);
        Assert.Equal(DnsOfflinePolicy.Local, o.Dns.Offline);
        Assert.Equal(SolarEdgeMode.Server, o.SolarEdge.Mode);
        Assert.Equal([22222, 22221, 80], o.SolarEdge.Ports);
        Assert.Null(o.SolarEdge.BindAddress);
        Assert.Equal("system", o.SolarEdge.TimeZone);
        Assert.True(o.SolarEdge.RequireClockSync);
        Assert.Equal(RelayFallback.Local, o.SolarEdge.RelayFallback);
        Assert.Equal("/etc/solartap/keys", o.SolarEdge.KeysDirectory);
        Assert.Equal(TimeSpan.FromMinutes(10), o.SolarEdge.IdleTimeout);
        Assert.Equal("/var/lib/solartap/journal.db", o.Journal.Path);
        Assert.Equal(TimeSpan.FromDays(180), o.Journal.MaxAge);
        Assert.Equal(2L << 30, o.Journal.MaxSizeBytes);
        Assert.Equal(1000, o.Journal.UnknownFrames);
        Assert.Equal("/run/solartap/status.sock", o.Status.Socket);
    }

    [Fact]
    public void Parse_EverySetting_MapsEachValue()
    {
        ConfigLoadResult result = ConfigLoader.Parse(FullConfig, File);

        Assert.Empty(result.Errors);
        SupervisorOptions o = result.Options;
        Assert.Equal("eth1", o.Network.Interface);
        Assert.Equal(IPNetwork.Parse("10.20.0.0/16"), o.Network.Subnet);
        Assert.Equal(IPAddress.Parse("10.20.1.10"), o.Network.PoolStart);
        Assert.Equal(IPAddress.Parse("10.20.1.50"), o.Network.PoolEnd);
        Assert.Equal(TimeSpan.FromMinutes(150), o.Network.LeaseTime);
        Assert.Equal(
            [
                new DhcpReservation(MacAddress.Parse("00:27:02:1a:08:23"), IPAddress.Parse("10.20.0.10"), "roof"),
                new DhcpReservation(MacAddress.Parse("00:27:02:1a:08:24"), IPAddress.Parse("10.20.0.11")),
            ],
            o.Network.Reservations);
        Assert.Equal([MacPrefix.Parse("00:27:02"), MacPrefix.Parse("00:40:9d")], o.Network.AllowedMacPrefixes);
        Assert.Equal([MacAddress.Parse("b8:27:eb:00:00:01")], o.Network.AllowedMacs);
        Assert.Null(o.Network.UplinkInterface);
        Assert.Equal(["*.solaredge.com", "monitoring.example.org"], o.Dns.LocalNames);
        Assert.Equal(IPEndPoint.Parse("192.168.1.1:5353"), o.Dns.Upstream);
        Assert.Equal(DnsOfflinePolicy.Fail, o.Dns.Offline);
        Assert.Equal(SolarEdgeMode.Relay, o.SolarEdge.Mode);
        Assert.Equal([22222], o.SolarEdge.Ports);
        Assert.Equal(IPAddress.Any, o.SolarEdge.BindAddress);
        Assert.Equal("Europe/Berlin", o.SolarEdge.TimeZone);
        Assert.Equal("Europe/Berlin", o.SolarEdge.ResolveTimeZone().Id);
        Assert.False(o.SolarEdge.RequireClockSync);
        Assert.Equal(RelayFallback.Hold, o.SolarEdge.RelayFallback);
        Assert.Equal("/boot/firmware/keys", o.SolarEdge.KeysDirectory);
        Assert.Equal(TimeSpan.FromSeconds(90), o.SolarEdge.IdleTimeout);
        Assert.Equal("/data/journal.db", o.Journal.Path);
        Assert.Equal("/run/st.sock", o.Status.Socket);
    }

    [Fact]
    public void Parse_BomAndCrlfFromAWindowsEditor_AreAccepted()
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(FullConfig.ReplaceLineEndings("\r\n"))];

        ConfigLoadResult result = ConfigLoader.Parse(bytes, File);

        Assert.Empty(result.Errors);
        Assert.Equal("eth1", result.Options.Network.Interface);
        Assert.Equal("/run/st.sock", result.Options.Status.Socket);
    }

    [Fact]
    public void Parse_BomAndCrlf_ErrorLinesStillCount()
    {
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("network:\r\n  interface: eth0\r\n  lease_time: soon\r\n")];

        ConfigError error = Assert.Single(ConfigLoader.Parse(bytes, File).Errors);

        Assert.Equal(3, error.Line);
        Assert.Equal("network.lease_time", error.Key);
    }

    [Fact]
    public void Parse_SectionWithNothingUnderIt_GivesTheDefaults()
    {
        ConfigLoadResult result = ConfigLoader.Parse("network:\ndns:\n", File);

        Assert.Empty(result.Errors);
        Assert.Equal("eth0", result.Options.Network.Interface);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryOneInLineOrder()
    {
        const string yaml = """
            solaredge:
              ports: [0, 80]
              time_zone: Mars/Olympus
            network:
              pol_start: 192.168.50.10
              allowed_macs: [00:27:02:zz:00:01]
            """;

        IReadOnlyList<ConfigError> errors = ConfigLoader.Parse(yaml, File).Errors;

        Assert.Equal([2, 3, 5, 6], errors.Select(e => e.Line));
        Assert.Equal(["solaredge.ports[0]", "solaredge.time_zone", "network.pol_start", "network.allowed_macs[0]"], errors.Select(e => e.Key));
    }

    [Fact]
    public void ConfigError_ToString_IsFileLineKeyMessage()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("solaredge:\n  mode: cloud\n", File).Errors);

        Assert.Equal("/boot/firmware/solartap.yaml:2: solaredge.mode: expected one of server, relay, off, found \"cloud\"", error.ToString());
    }

    [Fact]
    public void Parse_InvalidValue_KeepsTheDefaultAndTheOtherValues()
    {
        ConfigLoadResult result = ConfigLoader.Parse("network:\n  interface: eth1\n  lease_time: soon\n", File);

        Assert.False(result.IsValid);
        Assert.Equal("eth1", result.Options.Network.Interface);
        Assert.Equal(TimeSpan.FromHours(1), result.Options.Network.LeaseTime);
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsItsLine()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("network:\n  interface: eth0\n address: [1\n", File).Errors);

        Assert.Equal("(syntax)", error.Key);
        Assert.InRange(error.Line, 2, 4);
        Assert.StartsWith("expected valid YAML, found ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_IsReported()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("network:\n  interface: eth0\n  interface: eth1\n", File).Errors);

        Assert.Equal(3, error.Line);
        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_TwoDocuments_IsReported()
    {
        ConfigError error = Assert.Single(ConfigLoader.Parse("network:\n  interface: eth0\n---\ndns:\n", File).Errors);

        Assert.Equal("expected one YAML document, found several (a line with ---)", error.Message);
    }

    [Fact]
    public void Parse_BytesThatAreNotUtf8_ReportsTheLine()
    {
        byte[] bytes = [.. "network:\n  interface: eth"u8, 0xE9, .. "\n"u8];

        ConfigError error = Assert.Single(ConfigLoader.Parse(bytes, File).Errors);

        Assert.Equal(2, error.Line);
        Assert.Equal("expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)", error.Message);
    }
}
