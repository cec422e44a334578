using System.Text.Encodings.Web;
using System.Text.Json;

namespace SolarTap.Supervisor.Status;

/// <summary>The JSON form of a <see cref="StatusSnapshot"/> (one line, snake_case keys, enums as lower-case strings).</summary>
public static class StatusJson
{
    // Messages quote what was found; keep the quotes readable ("..." rather than \u0022...\u0022). Read by programs, not embedded in HTML.
    private static readonly StatusJsonContext Context = new(new System.Text.Json.JsonSerializerOptions(StatusJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The snapshot as UTF-8 JSON, on one line.</summary>
    public static byte[] Serialize(StatusSnapshot snapshot) =>
        JsonSerializer.SerializeToUtf8Bytes(snapshot, Context.StatusSnapshot);

    /// <summary>Reads a snapshot back.</summary>
    /// <exception cref="JsonException">The text is not a status snapshot.</exception>
    public static StatusSnapshot Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, Context.StatusSnapshot) ?? throw new JsonException("The status is empty (null).");

    /// <summary>How a state reads on a status surface: "configuration error", "running", ...</summary>
    public static string Describe(SupervisorState state) => state switch
    {
        SupervisorState.ConfigurationError => "configuration error",
        _ => state.ToString().ToLowerInvariant(),
    };

    /// <summary>How a component state reads on a status surface.</summary>
    public static string Describe(ComponentState state) => state.ToString().ToLowerInvariant();

    /// <summary>How a firmware kind reads on a status surface.</summary>
    public static string Describe(InverterFirmware firmware) => firmware switch
    {
        InverterFirmware.EncryptedNoKey => "encrypted, no key",
        InverterFirmware.Tls => "TLS",
        _ => firmware.ToString().ToLowerInvariant(),
    };
}
