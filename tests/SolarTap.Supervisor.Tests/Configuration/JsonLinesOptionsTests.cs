using SolarTap.Supervisor.Configuration;

namespace SolarTap.Supervisor.Tests.Configuration;

/// <summary>The <c>jsonl</c> section: directory, format and size caps.</summary>
public class JsonLinesOptionsTests
{
    [Theory]
    [InlineData("solartap", JsonLinesFormat.Solartap)]
    [InlineData("semonitor", JsonLinesFormat.Semonitor)]
    public void Parse_Format_MapsToTheFormat(string text, JsonLinesFormat expected)
    {
        ConfigLoadResult result = ConfigLoader.Parse($"jsonl:\n  directory: /data/lines\n  format: {text}\n  max_file_size: 20MB\n  max_total_size: 2GB\n", "test.yaml");

        Assert.Empty(result.Errors);
        JsonLinesOptions o = result.Options.JsonLines;
        Assert.Equal(expected, o.Format);
        Assert.Equal("/data/lines", o.Directory);
        Assert.True(o.Enabled);
        Assert.Equal(20L << 20, o.MaxFileBytes);
        Assert.Equal(2L << 30, o.MaxTotalBytes);
    }

    [Fact]
    public void Parse_NoFormat_IsSolartapAndTheSinkIsOffWithoutADirectory()
    {
        JsonLinesOptions o = ConfigLoader.Parse("jsonl:\n  max_file_size: 20MB\n", "test.yaml").Options.JsonLines;

        Assert.Equal(JsonLinesFormat.Solartap, o.Format);
        Assert.False(o.Enabled);
    }
}
