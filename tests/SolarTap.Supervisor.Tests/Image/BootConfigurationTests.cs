using System.Text.RegularExpressions;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Image;

/// <summary>
/// The solartap.yaml on the image's boot partition (overlays/boot): it loads through the real loader as shipped
/// (every line commented: the defaults), and with every setting line uncommented it still loads without a
/// single error and names every key the supervisor knows.
/// </summary>
public partial class BootConfigurationTests
{
    private static readonly string BootYamlPath = Path.Combine(TestData.RepositoryRoot, "overlays", "boot", "solartap.yaml");

    /// <summary>The boot solartap.yaml with its setting lines (<c>#key:</c>, <c>#  key: value</c>) uncommented.</summary>
    public static string Uncommented() =>
        string.Join('\n', File.ReadAllLines(BootYamlPath).Select(l => SettingLine().IsMatch(l) ? l[1..] : l));

    [Fact]
    public void AsShipped_LoadsWithTheRealLoaderWithoutErrors()
    {
        ConfigLoadResult result = ConfigLoader.Load(BootYamlPath, []);

        Assert.Equal(BootYamlPath, result.Path);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Uncommented_ParsesWithoutErrors()
    {
        ConfigLoadResult result = ConfigLoader.Parse(Uncommented(), "solartap.yaml (uncommented)");

        Assert.True(result.Errors.Count == 0, string.Join('\n', result.Errors));
    }

    [Fact]
    public void Uncommented_SetsEveryKey()
    {
        string text = Uncommented();
        var missing = ConfigSchema.AllKeys
            .Where(key => !Regex.IsMatch(text, $@"^\s*(- )?{Regex.Escape(key[(key.LastIndexOf('.') + 1)..])}:", RegexOptions.Multiline))
            .ToList();

        Assert.True(missing.Count == 0, $"overlays/boot/solartap.yaml does not show: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Uncommented_IsTheDefaultsWhereItSaysSo()
    {
        SupervisorOptions shown = ConfigLoader.Parse(Uncommented(), "solartap.yaml").Options;
        var defaults = new SupervisorOptions();

        Assert.Equal(defaults.Network.Interface, shown.Network.Interface);
        Assert.Equal(defaults.Network.Address, shown.Network.Address);
        Assert.Equal(defaults.Network.PoolStart, shown.Network.PoolStart);
        Assert.Equal(defaults.Network.PoolEnd, shown.Network.PoolEnd);
        Assert.Equal(defaults.Network.UplinkInterface, shown.Network.UplinkInterface);
        Assert.Equal(defaults.Dns.LocalNames, shown.Dns.LocalNames);
        Assert.Equal(defaults.SolarEdge.Ports, shown.SolarEdge.Ports);
        Assert.Equal(defaults.SolarEdge.KeysDirectory, shown.SolarEdge.KeysDirectory);
        Assert.Equal(defaults.Journal.Path, shown.Journal.Path);
        Assert.Equal(defaults.Status.Socket, shown.Status.Socket);
    }

    [Fact]
    public void AsShipped_HasNoActiveSetting()
    {
        var active = File.ReadAllLines(BootYamlPath).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();

        Assert.Empty(active);
    }

    // "#network:" or "#  key: value" / "#    - mac: ...": a commented setting. "# text" is an explanation.
    [GeneratedRegex(@"^#([a-z]|  +\S)")]
    private static partial Regex SettingLine();
}
