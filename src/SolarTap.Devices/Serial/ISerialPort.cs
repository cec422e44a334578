namespace SolarTap.Devices.Serial;

/// <summary>
/// An open serial line in raw mode (ARCHITECTURE §4.7): the Linux implementation is a termios tty, tests use an
/// in-memory pair. Reads wait for the first byte up to a timeout and then return whatever has arrived, so framers
/// see bytes as the line delivers them and can measure silent intervals themselves.
/// </summary>
public interface ISerialPort : IDisposable
{
    /// <summary>The port's name for messages, such as <c>/dev/ttyUSB0</c>.</summary>
    string Name { get; }

    /// <summary>The line settings the port was opened with.</summary>
    SerialSettings Settings { get; }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for at least one byte and copies what has arrived, at most
    /// <paramref name="buffer"/>'s length. Returns the count, or 0 when the timeout passed with nothing received.
    /// </summary>
    /// <exception cref="IOException">The device failed or went away.</exception>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Queues <paramref name="data"/> for transmission, returning once the driver has taken all of it.</summary>
    /// <exception cref="IOException">The device failed or went away.</exception>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Waits until every written byte has left the transmitter (tcdrain), so an RS485 driver can release the bus.</summary>
    void Drain();

    /// <summary>Throws away bytes received but not yet read (tcflush TCIFLUSH), such as noise before a request.</summary>
    void DiscardInput();
}
