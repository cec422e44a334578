namespace SolarTap.Supervisor.Configuration;

internal static partial class ConfigSchema
{
    private static readonly ConfigSection<JsonLinesOptions> JsonLines = new(new Dictionary<string, Action<ConfigNode, JsonLinesOptions>>
    {
        ["directory"] = (n, o) => AbsolutePath(n, v => o.Directory = v),
        ["format"] = (n, o) => Choice(n, new Dictionary<string, JsonLinesFormat>
        {
            ["solartap"] = JsonLinesFormat.Solartap,
            ["semonitor"] = JsonLinesFormat.Semonitor,
        }, v => o.Format = v),
        ["max_file_size"] = (n, o) =>
        {
            if (Scalar(n, SizeExpected, TrySize, 0L) is (true, var bytes))
            {
                o.MaxFileBytes = bytes;
            }
        },
        ["max_total_size"] = (n, o) =>
        {
            if (Scalar(n, SizeExpected, TrySize, 0L) is (true, var bytes))
            {
                o.MaxTotalBytes = bytes;
            }
        },
    });
}
