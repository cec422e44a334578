using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SolarTap.Supervisor.Configuration;

/// <summary>
/// Finds, reads and validates the configuration file. The file may come from any PC: a UTF-8 byte order mark and
/// CRLF line endings are accepted. Every error is reported, not just the first.
/// </summary>
public static partial class ConfigLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Where the appliance looks when no file is named, in order: the FAT boot partition (editable from any PC when the
    /// SD card is plugged in), then /etc.
    /// </summary>
    public static IReadOnlyList<string> DefaultCandidates { get; } = ["/boot/firmware/solartap.yaml", "/etc/solartap/solartap.yaml"];

    /// <summary>The file to read: <paramref name="explicitPath"/> when given, else the first candidate that exists, else null.</summary>
    public static string? Locate(string? explicitPath, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return explicitPath ?? candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>
    /// Loads <paramref name="explicitPath"/> (from <c>--config</c>) or the first of <paramref name="candidates"/> that
    /// exists (default <see cref="DefaultCandidates"/>). With no file at all, the defaults apply.
    /// </summary>
    public static ConfigLoadResult Load(string? explicitPath, IReadOnlyList<string>? candidates = null)
    {
        string? path = Locate(explicitPath, candidates ?? DefaultCandidates);
        if (path is null)
        {
            return new ConfigLoadResult(new SupervisorOptions(), [], null);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            string found = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            return new ConfigLoadResult(new SupervisorOptions(), [new ConfigError(path, 1, "(file)", $"expected a readable configuration file, found {found}")], path);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses and validates the bytes of a configuration file named <paramref name="file"/> (for messages).</summary>
    public static ConfigLoadResult Parse(ReadOnlySpan<byte> bytes, string file)
    {
        ReadOnlySpan<byte> body = bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            int line = 1 + body[..Math.Clamp(e.Index, 0, body.Length)].Count((byte)'\n');
            return new ConfigLoadResult(new SupervisorOptions(), [new ConfigError(file, line, "(file)", "expected UTF-8 text, found bytes that are not UTF-8 (save the file as UTF-8)")], file);
        }

        return Parse(text, file);
    }

    /// <summary>Parses and validates configuration text; a leading byte order mark and CRLF line endings are accepted.</summary>
    public static ConfigLoadResult Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var options = new SupervisorOptions();
        var errors = new ConfigErrors(file);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException e)
        {
            errors.Add(checked((int)e.Start.Line), "(syntax)", $"expected valid YAML, found {SyntaxMessage(e)}");
            return new ConfigLoadResult(options, errors.All, file);
        }

        if (yaml.Documents.Count > 1)
        {
            errors.Add(checked((int)yaml.Documents[1].RootNode.Start.Line), "(syntax)", "expected one YAML document, found several (a line with ---)");
            return new ConfigLoadResult(options, errors.All, file);
        }

        if (yaml.Documents.Count == 1)
        {
            ConfigSchema.Map(yaml.Documents[0].RootNode, options, errors);
            ConfigValidator.Validate(options, errors);
        }

        return new ConfigLoadResult(options, errors.All, file);
    }

    /// <summary>YamlDotNet's message without its "(Line: 3, Col: 1, Idx: 20) - (...): " prefix: the line is reported separately.</summary>
    private static string SyntaxMessage(YamlException e)
    {
        string message = LocationPrefix().Replace(e.Message, "");
        if (e.InnerException is { } inner && message.Length == 0)
        {
            message = inner.Message;
        }

        return message.TrimEnd('.').Length == 0 ? "a syntax error" : $"\"{message.TrimEnd('.')}\"";
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();
}
