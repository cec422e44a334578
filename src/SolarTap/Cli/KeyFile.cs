using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Cli;

/// <summary>Writes a key file (semonitor format: 32 hex digits and a newline) readable only by its owner.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class KeyFile
{
    public static void Write(string path, InverterKey key)
    {
        try
        {
            string? folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
            using (var file = new StreamWriter(path, System.Text.Encoding.ASCII, options))
            {
                file.Write(key.ToKeyFileText());
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // also when the file already existed
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot write the key file: {e.Message}");
        }
    }
}
