using System.Globalization;
using SolarTap.Protocols.SolarEdge.Keys;

namespace SolarTap.Cli;

/// <summary>
/// The inverter keys given with --key. A file named after an inverter ID (7f104920.key) holds that inverter's key;
/// a file with any other name holds the key for every inverter without its own.
/// </summary>
internal sealed class KeyRing
{
    private readonly Dictionary<uint, InverterKey> _byInverter = [];
    private InverterKey? _default;
    private string? _defaultFile;

    public int Count => _byInverter.Count + (_default is null ? 0 : 1);

    public static KeyRing Load(IEnumerable<string> paths)
    {
        var ring = new KeyRing();
        foreach (string path in paths)
        {
            ring.Add(path);
        }

        return ring;
    }

    public InverterKey? KeyFor(uint inverterId)
        => _byInverter.TryGetValue(inverterId & ~0x0080_0000u, out InverterKey? key) ? key : _default;

    private void Add(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"{path}: cannot read the key file ({e.Message}).", e);
        }

        if (!InverterKey.TryParse(text, out InverterKey? key, out string? error))
        {
            throw new UserError($"{path}: not a key file: {error}");
        }

        string stem = Path.GetFileNameWithoutExtension(path);
        if (uint.TryParse(stem, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint inverter) && stem.Length is >= 6 and <= 8)
        {
            _byInverter[inverter & ~0x0080_0000u] = key!;
            return;
        }

        if (_default is not null)
        {
            throw new UserError($"{path}: a second key not named after its inverter (the first was {_defaultFile}); name key files <inverter-id>.key, e.g. 7f104920.key.");
        }

        _default = key;
        _defaultFile = path;
    }
}
