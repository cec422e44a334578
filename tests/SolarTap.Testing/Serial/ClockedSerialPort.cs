using SolarTap.Devices.Serial;

namespace SolarTap.Testing.Serial;

/// <summary>
/// Wraps a port whose bytes are all there already (a <see cref="FakeSerialPort"/> fed synchronously): a read that
/// finds nothing does not wait; it moves <see cref="SteppedClock"/> by the whole timeout and returns 0, as the real
/// wait would. Makes timeout, retry and backoff tests exact and instant. Optionally charges wire time per byte.
/// </summary>
public sealed class ClockedSerialPort(ISerialPort inner, SteppedClock clock) : ISerialPort
{
    /// <summary>Charge the wire time of every byte written (10 bits per byte at the line's rate) to the clock.</summary>
    public bool ChargeWireTime { get; init; }

    /// <inheritdoc/>
    public string Name => inner.Name;

    /// <inheritdoc/>
    public SerialSettings Settings => inner.Settings;

    /// <inheritdoc/>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        int count = inner.Read(buffer, TimeSpan.Zero);
        if (count == 0)
        {
            clock.Advance(timeout);
        }
        else if (ChargeWireTime)
        {
            clock.Advance(Settings.WireTime(count));
        }

        return count;
    }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (ChargeWireTime)
        {
            clock.Advance(Settings.WireTime(data.Length));
        }

        inner.Write(data);
    }

    /// <inheritdoc/>
    public void Drain() => inner.Drain();

    /// <inheritdoc/>
    public void DiscardInput() => inner.DiscardInput();

    /// <inheritdoc/>
    public void Dispose() => inner.Dispose();
}
