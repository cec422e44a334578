using System.Text.RegularExpressions;
using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>docs/configuration.md stays true: its example parses, and every key the code knows is documented.</summary>
public partial class ConfigurationDocumentationTests
{
    private static readonly string Document = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "configuration.md"));

    [Fact]
    public void FullExample_ParsesWithoutErrors()
    {
        ConfigLoadResult result = ConfigLoader.Parse(Example(), "docs/configuration.md");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void FullExample_SetsEveryKey()
    {
        string example = Example();
        foreach (string key in ConfigSchema.AllKeys)
        {
            string leaf = key[(key.LastIndexOf('.') + 1)..];
            Assert.Matches(new Regex($@"^\s*(- )?{Regex.Escape(leaf)}:", RegexOptions.Multiline), example);
        }
    }

    [Fact]
    public void FullExample_IsTheDefaultsExceptTheReservation()
    {
        SupervisorOptions example = ConfigLoader.Parse(Example(), "example").Options;
        var defaults = new SupervisorOptions();

        Assert.Single(example.Network.Reservations);
        Assert.Equal(defaults.Network.Address, example.Network.Address);
        Assert.Equal(defaults.Network.PoolStart, example.Network.PoolStart);
        Assert.Equal(defaults.Network.PoolEnd, example.Network.PoolEnd);
        Assert.Equal(defaults.Network.LeaseTime, example.Network.LeaseTime);
        Assert.Equal(defaults.Network.AllowedMacPrefixes, example.Network.AllowedMacPrefixes);
        Assert.Equal(defaults.Dns.LocalNames, example.Dns.LocalNames);
        Assert.Equal(defaults.SolarEdge.Ports, example.SolarEdge.Ports);
        Assert.Equal(defaults.SolarEdge.IdleTimeout, example.SolarEdge.IdleTimeout);
        Assert.Equal(defaults.Journal.Path, example.Journal.Path);
        Assert.Equal(defaults.Status.Socket, example.Status.Socket);
    }

    [Fact]
    public void EveryKey_HasARowInTheReference()
    {
        var missing = ConfigSchema.AllKeys.Where(k => !Document.Contains($"| `{k}` |", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"docs/configuration.md has no row for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryDocumentedKey_IsKnownToTheCode()
    {
        var documented = KeyRow().Matches(Document).Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(documented);
        Assert.All(documented, k => Assert.Contains(k, ConfigSchema.AllKeys));
    }

    private static string Example()
    {
        Match match = YamlBlock().Match(Document);
        Assert.True(match.Success, "docs/configuration.md has no ```yaml block");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [GeneratedRegex(@"^\| `([a-z_]+\.[a-z_.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex KeyRow();
}
