namespace SolarTap.Linux.Serial;

/// <summary>Who switches an RS485 transceiver between sending and receiving.</summary>
public enum SerialDirectionControl
{
    /// <summary>Nobody in software: an RS232 line, or an RS485 adapter with automatic direction control.</summary>
    None,

    /// <summary>The kernel driver, through TIOCSRS485 (RTS drives DE/RE while sending).</summary>
    Kernel,

    /// <summary>A GPIO output that SolarTap raises before sending and lowers once the bytes have left.</summary>
    Gpio,
}
