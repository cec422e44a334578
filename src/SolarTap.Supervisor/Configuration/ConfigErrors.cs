namespace SolarTap.Supervisor.Configuration;

/// <summary>Collects the errors of one file, and where each key was seen, while it is mapped and validated.</summary>
internal sealed class ConfigErrors(string file)
{
    private readonly List<ConfigError> _errors = [];
    private readonly HashSet<string> _failedKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public string File { get; } = file;

    public IReadOnlyList<ConfigError> All => [.. _errors.OrderBy(e => e.Line)];

    public void Add(int line, string key, string message)
    {
        _errors.Add(new ConfigError(File, line, key, message));
        _failedKeys.Add(key);
    }

    /// <summary>Records that <paramref name="key"/> is present in the file at <paramref name="line"/>.</summary>
    public void Seen(string key, int line) => _lines.TryAdd(key, line);

    public bool IsPresent(string key) => _lines.ContainsKey(key);

    /// <summary>True when <paramref name="key"/>, or anything under it, already has an error.</summary>
    public bool Failed(string key) => _failedKeys.Any(k => k == key || k.StartsWith(key + ".", StringComparison.Ordinal) || k.StartsWith(key + "[", StringComparison.Ordinal));

    /// <summary>The line of <paramref name="key"/>, else of the nearest enclosing key present, else 1.</summary>
    public int LineOf(string key)
    {
        for (string k = key; k.Length > 0; k = k.Contains('.', StringComparison.Ordinal) ? k[..k.LastIndexOf('.')] : "")
        {
            if (_lines.TryGetValue(k, out int line))
            {
                return line;
            }
        }

        return 1;
    }
}
