using System.Text.Json.Serialization;

namespace SolarTap.Supervisor.Status;

/// <summary>What an inverter's monitoring traffic says about its firmware, which decides whether its data can be read.</summary>
public enum InverterFirmware
{
    /// <summary>Not known yet.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Plain messages: readable.</summary>
    [JsonStringEnumMemberName("plain")]
    Plain,

    /// <summary>Encrypted messages, and the key is known: readable.</summary>
    [JsonStringEnumMemberName("encrypted")]
    Encrypted,

    /// <summary>Encrypted messages without the inverter's key: unreadable until the key is added.</summary>
    [JsonStringEnumMemberName("encrypted_no_key")]
    EncryptedNoKey,

    /// <summary>TLS firmware: unreadable from the network.</summary>
    [JsonStringEnumMemberName("tls")]
    Tls,
}
