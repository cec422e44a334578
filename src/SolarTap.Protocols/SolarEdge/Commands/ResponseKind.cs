namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>Which answer a <see cref="ResponseDecoder"/> recognised (spec §2.2).</summary>
public enum ResponseKind
{
    /// <summary>A function without a decoder here; the payload is shown raw.</summary>
    Raw,

    /// <summary>A recognised function whose payload has the wrong size or shape.</summary>
    Malformed,

    /// <summary>0x0080 ACK.</summary>
    Ack,

    /// <summary>0x0081 NACK.</summary>
    Nack,

    /// <summary>0x0090 parameter values.</summary>
    Parameters,

    /// <summary>0x00B0 version, u16 major + u16 minor.</summary>
    Version,

    /// <summary>0x00B1 device type, u16.</summary>
    DeviceType,

    /// <summary>0x0580 server time: u32 UTC Unix time + i32 offset.</summary>
    Time,

    /// <summary>0x038D energy statistics: four f32 Wh values + u32 time.</summary>
    EnergyStatistics,

    /// <summary>0x0382 IP address, netmask, gateway, DNS.</summary>
    IpAddresses,

    /// <summary>0x0398 the four 20-character LCD lines.</summary>
    LcdText,
}
