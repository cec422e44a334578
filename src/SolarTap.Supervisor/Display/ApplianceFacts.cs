using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Reflection;
using SolarTap.Protocols.Display;

namespace SolarTap.Supervisor.Display;

/// <summary>
/// The appliance page's facts: host name, IPv4 addresses, uptime, SoC temperature, version. The host name and
/// addresses are looked up at most every <see cref="NetworkRefresh"/> (reading every interface once a second would
/// cost a small Pi for nothing).
/// </summary>
internal sealed class ApplianceFacts(DateTimeOffset started, string thermalZone)
{
    /// <summary>How long the host name and addresses are reused.</summary>
    public static readonly TimeSpan NetworkRefresh = TimeSpan.FromSeconds(10);

    private (DateTimeOffset At, string? Host, List<string> Addresses)? _network;

    /// <summary>The SoC's thermal zone on a Raspberry Pi (the temperature in millidegrees Celsius).</summary>
    public const string DefaultThermalZone = "/sys/class/thermal/thermal_zone0/temp";

    private static readonly string? Version = typeof(ApplianceFacts).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0];

    /// <summary>The facts at <paramref name="now"/>.</summary>
    public ApplianceView Read(DateTimeOffset now)
    {
        if (_network is not { } network || now - network.At >= NetworkRefresh || now < network.At)
        {
            _network = network = (now, HostName(), Addresses());
        }

        return new ApplianceView(network.Host, network.Addresses, now - started, CpuTemperature(thermalZone), Version);
    }

    /// <summary>The temperature in <paramref name="path"/> (millidegrees, as the thermal class writes it), or null.</summary>
    public static double? CpuTemperature(string path)
    {
        try
        {
            string text = File.ReadAllText(path).Trim();
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long milli) ? milli / 1000.0 : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? HostName()
    {
        try
        {
            return System.Net.Dns.GetHostName();
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>IPv4 addresses of interfaces that are up, loopback left out, in interface order.</summary>
    private static List<string> Addresses()
    {
        try
        {
            return [.. NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork)
                .Select(a => a.Address.ToString())];
        }
        catch (NetworkInformationException)
        {
            return [];
        }
    }
}
