namespace SolarTap.Architecture.Tests;

/// <summary>The dependency table of ARCHITECTURE §2, as data.</summary>
internal static class DependencyRules
{
    /// <summary>Project assemblies each src project may reference; anything else from this solution is a violation.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedProjectReferences = new Dictionary<string, string[]>
    {
        ["SolarTap.Protocols"] = [],
        ["SolarTap.Devices"] = ["SolarTap.Protocols"],
        ["SolarTap.Linux"] = ["SolarTap.Protocols", "SolarTap.Devices"],
        ["SolarTap.Supervisor"] = ["SolarTap.Protocols", "SolarTap.Devices", "SolarTap.Linux"],
        ["SolarTap"] = ["SolarTap.Protocols", "SolarTap.Devices", "SolarTap.Linux", "SolarTap.Supervisor"],
    };

    /// <summary>Third-party assemblies (by name prefix) each src project may reference, beyond the BCL.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedPackages = new Dictionary<string, string[]>
    {
        ["SolarTap.Protocols"] = [],
        ["SolarTap.Devices"] = ["Microsoft.Extensions.Logging.Abstractions"],
        ["SolarTap.Linux"] = ["Microsoft.Extensions.Logging.Abstractions"],
        ["SolarTap.Supervisor"] = ["Microsoft.Extensions.", "Microsoft.AspNetCore.", "Microsoft.Data.Sqlite", "SQLitePCLRaw.", "YamlDotNet"],
        ["SolarTap"] = ["Microsoft.Extensions.", "Microsoft.AspNetCore.", "System.CommandLine", "Spectre.Console"],
    };

    /// <summary>
    /// What pure code must not touch (ARCHITECTURE §4.1): the clock, shared randomness, files, sockets, threads,
    /// processes, the environment. Entries are "Type" (any use) or "Type::Member".
    /// </summary>
    public static readonly string[] ImpureApis =
    [
        "System.DateTime::get_Now", "System.DateTime::get_UtcNow", "System.DateTime::get_Today",
        "System.DateTimeOffset::get_Now", "System.DateTimeOffset::get_UtcNow",
        "System.TimeProvider::get_System",
        "System.Diagnostics.Stopwatch",
        "System.Environment::get_TickCount", "System.Environment::get_TickCount64",
        "System.Environment::GetEnvironmentVariable",
        "System.Random", "System.Security.Cryptography.RandomNumberGenerator",
        "System.IO.File", "System.IO.FileStream", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo",
        "System.IO.StreamReader", "System.IO.StreamWriter",
        "System.Console",
        "System.Net.Sockets.Socket", "System.Net.Sockets.TcpClient", "System.Net.Sockets.TcpListener", "System.Net.Sockets.UdpClient",
        "System.Net.Dns", "System.Net.Http.HttpClient",
        "System.Threading.Thread", "System.Threading.Timer", "System.Threading.ThreadPool",
        "System.Threading.Tasks.Task::Run", "System.Threading.Tasks.Task::Delay",
        "System.Diagnostics.Process",
    ];

    /// <summary>Projects that must be pure.</summary>
    public static readonly string[] PureProjects = ["SolarTap.Protocols"];

    /// <summary>The only project allowed P/Invoke and unsafe code (ARCHITECTURE §4.5).</summary>
    public const string InteropProject = "SolarTap.Linux";
}
