namespace SolarTap.Devices.Serial;

/// <summary>Parity of a serial character frame.</summary>
public enum SerialParity
{
    /// <summary>No parity bit (8N1, 8N2).</summary>
    None,

    /// <summary>Even parity (8E1, the Modbus RTU default).</summary>
    Even,

    /// <summary>Odd parity.</summary>
    Odd,
}

/// <summary>
/// How a serial line is framed: baud rate, eight data bits, parity and stop bits. SolarEdge RS485 runs 115200 8N1;
/// Modbus RTU defaults to 9600 8E1 (Modbus over serial line §2.5.1).
/// </summary>
/// <param name="BaudRate">Bits per second; one of the standard rates.</param>
/// <param name="Parity">The parity bit.</param>
/// <param name="StopBits">1 or 2.</param>
public sealed record SerialSettings(int BaudRate, SerialParity Parity = SerialParity.None, int StopBits = 1)
{
    /// <summary>The standard rates a termios port accepts.</summary>
    public static IReadOnlyList<int> StandardBaudRates { get; } =
        [50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400,
            460800, 500000, 576000, 921600, 1000000, 1152000, 1500000, 2000000, 2500000, 3000000, 3500000, 4000000];

    /// <summary>Bits on the wire per character: start, 8 data, parity when present, stop bits.</summary>
    public int BitsPerCharacter => 1 + 8 + (Parity == SerialParity.None ? 0 : 1) + StopBits;

    /// <summary>The time <paramref name="bytes"/> characters take on the wire at this rate.</summary>
    public TimeSpan WireTime(int bytes) => TimeSpan.FromSeconds((double)bytes * BitsPerCharacter / BaudRate);

    /// <summary>Short form such as <c>115200 8N1</c>.</summary>
    public override string ToString() => $"{BaudRate} 8{Parity.ToString()[0]}{StopBits}";

    /// <summary>Checks the rate and stop bits; the message says what is allowed.</summary>
    /// <exception cref="ArgumentException">The rate is not standard or the stop bits are not 1 or 2.</exception>
    public void Validate()
    {
        if (!StandardBaudRates.Contains(BaudRate))
        {
            throw new ArgumentException($"{BaudRate} is not a standard baud rate; use one of {string.Join(", ", StandardBaudRates)}.");
        }

        if (StopBits is not (1 or 2))
        {
            throw new ArgumentException($"Stop bits must be 1 or 2, not {StopBits}.");
        }
    }
}
