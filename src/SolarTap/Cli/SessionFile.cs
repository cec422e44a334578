using SolarTap.Protocols.SolarEdge.Crypto;

namespace SolarTap.Cli;

/// <summary>
/// --sessions FILE: the last session-key message of each inverter, loaded before decoding and saved after, so a
/// later run (or a capture that starts mid-session) can still decrypt.
/// </summary>
internal static class SessionFile
{
    public static void Load(string? path, InverterSessions sessions)
    {
        if (path is null || !File.Exists(path))
        {
            return;
        }

        if (!sessions.TryImport(File.ReadAllText(path), out string? error))
        {
            throw new UserError($"{path}: not a session file: {error}");
        }
    }

    public static void Save(string? path, InverterSessions sessions)
    {
        if (path is null)
        {
            return;
        }

        string temporary = path + ".tmp";
        File.WriteAllText(temporary, sessions.Export());
        File.Move(temporary, path, overwrite: true);
    }
}
