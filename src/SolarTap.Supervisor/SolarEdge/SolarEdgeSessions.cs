using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SolarTap.Protocols.SolarEdge.Crypto;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Supervisor.SolarEdge;

/// <summary>
/// The sessions of every inverter (spec §4), shared by all connections, with their keys read from the keys folder
/// (<c>&lt;inverter-id&gt;.key</c>, semonitor format) and their last 0x0503 kept in a file beside the journal, so a
/// restarted supervisor goes on decrypting without waiting for the inverter to re-key (spec §4.6).
/// </summary>
public sealed partial class SolarEdgeSessions : IDisposable
{
    /// <summary>The sessions file's name, in the journal's folder.</summary>
    public const string FileName = "solaredge-sessions.txt";

    private readonly ConcurrentDictionary<uint, InverterKey> _keys = new();
    private readonly ConcurrentDictionary<string, bool> _badKeyFilesReported = new(StringComparer.Ordinal);
    private readonly Lock _saveGate = new();
    private readonly ILogger<SolarEdgeSessions> _logger;

    /// <summary>Sessions whose keys are in <paramref name="keysDirectory"/> and which are saved to <paramref name="sessionsFile"/>.</summary>
    public SolarEdgeSessions(string keysDirectory, string sessionsFile, ILogger<SolarEdgeSessions> logger)
    {
        ArgumentNullException.ThrowIfNull(keysDirectory);
        ArgumentNullException.ThrowIfNull(sessionsFile);
        ArgumentNullException.ThrowIfNull(logger);
        KeysDirectory = keysDirectory;
        SessionsFile = sessionsFile;
        _logger = logger;
        Sessions = new InverterSessions(FindKey);
    }

    /// <summary>The keys folder.</summary>
    public string KeysDirectory { get; }

    /// <summary>The sessions file.</summary>
    public string SessionsFile { get; }

    /// <summary>The shared sessions.</summary>
    public InverterSessions Sessions { get; }

    /// <summary>Restores the sessions saved by the previous run, if any. Never throws: a bad file is logged and ignored.</summary>
    public void Load()
    {
        try
        {
            if (!File.Exists(SessionsFile))
            {
                return;
            }

            if (Sessions.TryImport(File.ReadAllText(SessionsFile), out string? error))
            {
                LogLoaded(_logger, Sessions.Inverters.Count, SessionsFile);
            }
            else
            {
                LogLoadFailed(_logger, SessionsFile, error ?? "not a sessions file");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogLoadFailed(_logger, SessionsFile, e.Message);
        }
    }

    /// <summary>
    /// Writes every session to the sessions file atomically (temporary file, fsync, rename), readable only by the
    /// owner. Called after every session change. Never throws: a failure is logged (the next change tries again).
    /// </summary>
    public void Save()
    {
        lock (_saveGate)
        {
            string temporary = SessionsFile + ".tmp";
            try
            {
                string? folder = Path.GetDirectoryName(SessionsFile);
                if (!string.IsNullOrEmpty(folder))
                {
                    Directory.CreateDirectory(folder);
                }

                var create = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // owner only
                }

                using (var file = new FileStream(temporary, create))
                {
                    file.Write(System.Text.Encoding.ASCII.GetBytes(Sessions.Export()));
                    file.Flush(flushToDisk: true);
                }

                File.Move(temporary, SessionsFile, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogSaveFailed(_logger, SessionsFile, e.Message);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => Sessions.Dispose();

    /// <summary>The key of <paramref name="inverterId"/> from <c>&lt;id&gt;.key</c> (lower- or upper-case hex), or null.</summary>
    private InverterKey? FindKey(uint inverterId)
    {
        if (_keys.TryGetValue(inverterId, out InverterKey? known))
        {
            return known;
        }

        foreach (string name in (string[])[inverterId.ToString("x8", CultureInfo.InvariantCulture), inverterId.ToString("X8", CultureInfo.InvariantCulture)])
        {
            string path = Path.Combine(KeysDirectory, name + ".key");
            string text;
            try
            {
                if (!File.Exists(path))
                {
                    continue;
                }

                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ReportBadKeyFile(path, e.Message);
                continue;
            }

            if (InverterKey.TryParse(text, out InverterKey? key, out string? error))
            {
                LogKeyLoaded(_logger, path);
                return _keys.GetOrAdd(inverterId, key!);
            }

            ReportBadKeyFile(path, error ?? "not a key file");
        }

        return null;
    }

    private void ReportBadKeyFile(string path, string error)
    {
        if (_badKeyFilesReported.TryAdd(path, true))
        {
            LogBadKeyFile(_logger, path, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SolarEdge: restored the sessions of {Count} inverter(s) from {Path}")]
    private static partial void LogLoaded(ILogger logger, int count, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SolarEdge: sessions file {Path} not used: {Error}")]
    private static partial void LogLoadFailed(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "SolarEdge: cannot save the sessions to {Path}: {Error}")]
    private static partial void LogSaveFailed(ILogger logger, string path, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "SolarEdge: key loaded from {Path}")]
    private static partial void LogKeyLoaded(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SolarEdge: key file {Path} not used: {Error}")]
    private static partial void LogBadKeyFile(ILogger logger, string path, string error);
}
