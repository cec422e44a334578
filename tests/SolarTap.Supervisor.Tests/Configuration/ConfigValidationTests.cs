using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>Each kind of mistake: where it is reported (line, key) and the exact text (expected ..., found ...).</summary>
public class ConfigValidationTests
{
    private const string File = "solartap.yaml";

    [Theory]
    // unknown keys
    [InlineData("netwrok:\n  interface: eth0\n", 1, "netwrok", "unknown key, expected one of: network, dns, solaredge, journal, mqtt, jsonl, sunspec, rs485, capture, status, leds, oled, web")]
    [InlineData("dns:\n  upstream: system\n  forward: yes\n", 3, "dns.forward", "unknown key, expected one of: local_names, upstream, port, offline")]
    [InlineData("network:\n  reservations:\n    - mac: 00:27:02:00:00:01\n      address: 192.168.50.10\n      ip: 1\n", 5, "network.reservations[0].ip",
        "unknown key, expected one of: mac, address, hostname")]
    // wrong types
    [InlineData("- network\n", 1, "", "expected a mapping of network, dns, solaredge, journal, mqtt, jsonl, sunspec, rs485, capture, status, leds, oled, web, found a list")]
    [InlineData("network: eth0\n", 1, "network", "expected a mapping of interface, address, pool_start, pool_end, lease_time, reservations, allowed_mac_prefixes, allowed_macs, dhcp_port, lease_file, uplink_interface, found \"eth0\"")]
    [InlineData("solaredge:\n  ports: 22222\n", 2, "solaredge.ports", "expected a list of TCP port numbers such as [22222, 22221, 80], found \"22222\"")]
    [InlineData("solaredge:\n  ports: [http]\n", 2, "solaredge.ports[0]", "expected a TCP port number from 1 to 65535, found \"http\"")]
    [InlineData("solaredge:\n  require_clock_sync: yes\n", 2, "solaredge.require_clock_sync", "expected true or false, found \"yes\"")]
    [InlineData("solaredge:\n  mode: [server]\n", 2, "solaredge.mode", "expected one of server, relay, off, found a list")]
    [InlineData("network:\n  interface:\n", 2, "network.interface", "expected a network interface name such as eth0 (1 to 15 characters, no '/', ':' or spaces), found nothing")]
    [InlineData("network:\n  reservations:\n    - 00:27:02:00:00:01\n", 3, "network.reservations[0]", "expected a reservation: a mapping with mac:, address: and optional hostname:, found \"00:27:02:00:00:01\"")]
    [InlineData("journal:\n  path: { file: x }\n", 2, "journal.path", "expected an absolute path (starting with /), found a mapping (key: value lines)")]
    // impossible values
    [InlineData("solaredge:\n  ports: [22222, 0]\n", 2, "solaredge.ports[1]", "expected a TCP port number from 1 to 65535, found \"0\"")]
    [InlineData("solaredge:\n  ports: [65536]\n", 2, "solaredge.ports[0]", "expected a TCP port number from 1 to 65535, found \"65536\"")]
    [InlineData("solaredge:\n  ports: [80, 22222, 80]\n", 2, "solaredge.ports", "expected each port once, found 80 2 times")]
    [InlineData("solaredge:\n  ports: []\n", 2, "solaredge.ports", "expected at least one port while solaredge.mode is server, found an empty list")]
    [InlineData("solaredge:\n  time_zone: Europe/Atlantis\n", 2, "solaredge.time_zone", "expected system, or an IANA time zone such as Europe/Berlin, found \"Europe/Atlantis\"")]
    [InlineData("solaredge:\n  idle_timeout: 5s\n", 2, "solaredge.idle_timeout", "expected a duration such as 30s, 10m, 12h, 1d or 1h30m, from 10s to 1d, found \"5s\"")]
    [InlineData("solaredge:\n  bind_address: localhost\n", 2, "solaredge.bind_address", "expected appliance (the address in network.address), or an IP address such as 192.168.50.1, found \"localhost\"")]
    [InlineData("solaredge:\n  keys_directory: keys\n", 2, "solaredge.keys_directory", "expected an absolute path (starting with /), found \"keys\"")]
    [InlineData("network:\n  allowed_macs: [00:27:02:1a:08]\n", 2, "network.allowed_macs[0]", "expected a MAC address such as 00:27:02:1a:08:23, found \"00:27:02:1a:08\"")]
    [InlineData("network:\n  allowed_mac_prefixes: [00:27:0g]\n", 2, "network.allowed_mac_prefixes[0]", "expected a MAC prefix of 1 to 6 octets such as 00:27:02, found \"00:27:0g\"")]
    [InlineData("network:\n  address: 192.168.50.1\n", 2, "network.address", "expected the appliance's IPv4 address with a prefix length from 8 to 30, such as 192.168.50.1/24, found \"192.168.50.1\"")]
    [InlineData("network:\n  address: 192.168.50.1/31\n", 2, "network.address", "expected the appliance's IPv4 address with a prefix length from 8 to 30, such as 192.168.50.1/24, found \"192.168.50.1/31\"")]
    [InlineData("network:\n  address: 192.168.50.0/24\n", 2, "network.address", "expected a host address inside 192.168.50.0/24, found 192.168.50.0/24, which is the subnet's network or broadcast address")]
    [InlineData("network:\n  pool_start: 192.168.51.10\n", 2, "network.pool_start", "expected a host address inside 192.168.50.0/24 (network.address 192.168.50.1/24), found 192.168.51.10")]
    [InlineData("network:\n  pool_start: 192.168.50.300\n", 2, "network.pool_start", "expected an IPv4 address such as 192.168.50.100, found \"192.168.50.300\"")]
    [InlineData("network:\n  pool_end: 192.168.50.255\n", 2, "network.pool_end", "expected a host address inside 192.168.50.0/24 (network.address 192.168.50.1/24), found 192.168.50.255")]
    [InlineData("network:\n  pool_start: 192.168.50.150\n  pool_end: 192.168.50.120\n", 3, "network.pool_end", "expected an address not below network.pool_start (192.168.50.150), found 192.168.50.120")]
    [InlineData("network:\n  pool_start: 192.168.50.1\n  pool_end: 192.168.50.20\n", 2, "network.pool_start", "expected a pool that leaves out the appliance's own address 192.168.50.1, found 192.168.50.1 to 192.168.50.20")]
    [InlineData("mqtt:\n  qos: 2\n", 2, "mqtt.qos", "expected 0 or 1, found \"2\"")]
    [InlineData("mqtt:\n  client_id: solartap-appliance-in-the-garage\n", 2, "mqtt.client_id", "expected a client id of 1 to 23 letters, digits, '_' or '-', found \"solartap-appliance-in-the-garage\"")]
    [InlineData("mqtt:\n  topic_prefix: solar/+\n", 2, "mqtt.topic_prefix", "expected topic levels such as solartap or home/solar (letters, digits, '_', '-', '/'; no '+', '#' or spaces; not starting or ending with '/'), found \"solar/+\"")]
    [InlineData("mqtt:\n  host: broker\n  password: x\n", 3, "mqtt.password", "expected mqtt.username as well: MQTT sends a password only with a user name")]
    [InlineData("mqtt:\n  host: broker\n  ca_file: /etc/ca.pem\n", 3, "mqtt.ca_file", "expected mqtt.tls: true as well: certificates are used only with TLS")]
    [InlineData("journal:\n  max_size: 2TB\n", 2, "journal.max_size", "expected a size such as 500MB or 2GB (MB and GB count 1024 × 1024 and 1024³ bytes), from 10MB to 1024GB, found \"2TB\"")]
    [InlineData("jsonl:\n  max_file_size: 200MB\n  max_total_size: 100MB\n", 3, "jsonl.max_total_size", "expected jsonl.max_total_size to be at least jsonl.max_file_size")]
    [InlineData("jsonl:\n  directory: readings\n", 2, "jsonl.directory", "expected an absolute path (starting with /), found \"readings\"")]
    [InlineData("jsonl:\n  format: csv\n", 2, "jsonl.format", "expected one of solartap, semonitor, found \"csv\"")]
    [InlineData("journal:\n  max_age: 12h\n", 2, "journal.max_age", "expected a duration such as 30s, 10m, 12h, 1d or 1h30m, from 1d to 3650d, found \"12h\"")]
    [InlineData("network:\n  lease_time: 30s\n", 2, "network.lease_time", "expected a duration such as 30s, 10m, 12h, 1d or 1h30m, from 1m to 30d, found \"30s\"")]
    [InlineData("network:\n  lease_time: 3600\n", 2, "network.lease_time", "expected a duration such as 30s, 10m, 12h, 1d or 1h30m, from 1m to 30d, found \"3600\"")]
    [InlineData("network:\n  interface: eth0\n  uplink_interface: eth0\n", 3, "network.uplink_interface", "expected none or an interface other than network.interface (eth0), found \"eth0\"")]
    [InlineData("network:\n  interface: en/0\n", 2, "network.interface", "expected a network interface name such as eth0 (1 to 15 characters, no '/', ':' or spaces), found \"en/0\"")]
    [InlineData("network:\n  reservations:\n    - mac: 00:27:02:00:00:01\n      address: 10.1.1.1\n", 4, "network.reservations[0].address",
        "expected a host address inside 192.168.50.0/24 other than the appliance's 192.168.50.1, found 10.1.1.1")]
    [InlineData("network:\n  reservations:\n    - mac: 00:27:02:00:00:01\n", 3, "network.reservations[0]", "expected a reservation with both mac: and address:, found no address:")]
    [InlineData("network:\n  reservations:\n    - {mac: 00:27:02:00:00:01, address: 192.168.50.10}\n    - {mac: 00:27:02:00:00:01, address: 192.168.50.11}\n", 4,
        "network.reservations[1].mac", "expected each MAC address once, found 00:27:02:00:00:01 again")]
    [InlineData("network:\n  reservations:\n    - {mac: 00:27:02:00:00:01, address: 192.168.50.10, hostname: roof_1}\n", 3, "network.reservations[0].hostname",
        "expected a host name of letters, digits and '-', such as inverter-1, found \"roof_1\"")]
    [InlineData("dns:\n  local_names: [\"*.solar edge.com\"]\n", 2, "dns.local_names[0]", "expected a DNS name such as solaredge.com or *.solaredge.com (that name and every name under it), found \"*.solar edge.com\"")]
    [InlineData("dns:\n  upstream: dns.google\n", 2, "dns.upstream", "expected system, or a resolver's IP address with an optional port, such as 1.1.1.1 or 192.168.1.1:53, found \"dns.google\"")]
    [InlineData("dns:\n  upstream: 1.1.1.1:0\n", 2, "dns.upstream", "expected system, or a resolver's IP address with an optional port, such as 1.1.1.1 or 192.168.1.1:53, found \"1.1.1.1:0\"")]
    [InlineData("dns:\n  port: 0\n", 2, "dns.port", "expected off, or a UDP and TCP port number from 1 to 65535, found \"0\"")]
    [InlineData("network:\n  dhcp_port: no\n", 2, "network.dhcp_port", "expected off, or a UDP port number from 1 to 65535, found \"no\"")]
    [InlineData("network:\n  lease_file: leases.txt\n", 2, "network.lease_file", "expected an absolute path (starting with /), found \"leases.txt\"")]
    [InlineData("dns:\n  offline: maybe\n", 2, "dns.offline", "expected one of local, fail, found \"maybe\"")]
    [InlineData("status:\n  socket: run/st.sock\n", 2, "status.socket", "expected an absolute path (starting with /), found \"run/st.sock\"")]
    public void Parse_Mistake_IsReportedWithLineKeyExpectedAndFound(string yaml, int line, string key, string message)
    {
        ConfigLoadResult result = ConfigLoader.Parse(yaml, File);

        ConfigError error = Assert.Single(result.Errors);
        Assert.Equal(new ConfigError(File, line, key, message), error);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_NewSubnetWithDefaultPool_ReportsBothPoolEndsAsDefaults()
    {
        IReadOnlyList<ConfigError> errors = ConfigLoader.Parse("network:\n  address: 10.0.0.1/24\n", File).Errors;

        Assert.Equal(
            [
                new ConfigError(File, 2, "network.pool_start", "expected a host address inside 10.0.0.0/24 (network.address 10.0.0.1/24), found 192.168.50.100 (the default)"),
                new ConfigError(File, 2, "network.pool_end", "expected a host address inside 10.0.0.0/24 (network.address 10.0.0.1/24), found 192.168.50.199 (the default)"),
            ],
            errors);
    }


    [Fact]
    public void Parse_NewSubnetWithDhcpOff_DefaultPoolIsNotChecked()
    {
        ConfigLoadResult result = ConfigLoader.Parse("network:\n  address: 10.0.0.1/24\n  dhcp_port: off\n", File);

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Parse_NewSubnetWithDhcpOffAndAPoolWritten_ChecksThePool()
    {
        IReadOnlyList<ConfigError> errors = ConfigLoader.Parse("network:\n  address: 10.0.0.1/24\n  dhcp_port: off\n  pool_start: 192.168.1.5\n", File).Errors;

        Assert.Equal(
            [
                new ConfigError(File, 2, "network.pool_end", "expected a host address inside 10.0.0.0/24 (network.address 10.0.0.1/24), found 192.168.50.199 (the default)"),
                new ConfigError(File, 4, "network.pool_start", "expected a host address inside 10.0.0.0/24 (network.address 10.0.0.1/24), found 192.168.1.5"),
            ],
            errors);
    }
    [Fact]
    public void Parse_SocketPathLongerThanASocketAddressHolds_IsReported()
    {
        string path = "/run/" + new string('s', 110);

        ConfigError error = Assert.Single(ConfigLoader.Parse($"status:\n  socket: {path}\n", File).Errors);

        Assert.Equal($"expected an absolute path of at most 107 bytes (the limit of a Unix socket address), found \"{path}\"", error.Message);
    }

    [Theory]
    [InlineData("dns:\n  upstream: 2606:4700::1111\n", "[2606:4700::1111]:53")]
    [InlineData("dns:\n  upstream: \"[2606:4700::1111]:5353\"\n", "[2606:4700::1111]:5353")]
    [InlineData("dns:\n  upstream: 9.9.9.9\n", "9.9.9.9:53")]
    public void Parse_UpstreamForms_AreAccepted(string yaml, string endPoint)
    {
        ConfigLoadResult result = ConfigLoader.Parse(yaml, File);

        Assert.Empty(result.Errors);
        Assert.Equal(endPoint, result.Options.Dns.Upstream!.ToString());
    }

    [Theory]
    [InlineData("network:\n  dhcp_port: off\ndns:\n  port: off\n", null, null)]
    [InlineData("network:\n  dhcp_port: 6767\ndns:\n  port: 5353\n", 6767, 5353)]
    [InlineData("", 67, 53)]
    public void Parse_ServicePorts_NumberOrOff(string yaml, int? dhcp, int? dns)
    {
        ConfigLoadResult result = ConfigLoader.Parse(yaml, File);

        Assert.Empty(result.Errors);
        Assert.Equal(dhcp, result.Options.Network.DhcpPort);
        Assert.Equal(dns, result.Options.Dns.Port);
    }

    [Fact]
    public void Parse_PortsEmptyWithModeOff_IsAccepted()
    {
        Assert.Empty(ConfigLoader.Parse("solaredge:\n  mode: off\n  ports: []\n", File).Errors);
    }
}
