using SolarTap.Devices.Serial;
using SolarTap.Testing.Serial;

namespace SolarTap.Devices.Tests.Serial;

/// <summary>A fake port that cancels a token once everything queued has been read, to end a listener deterministically.</summary>
internal sealed class CancelWhenDrainedPort(FakeSerialPort inner, CancellationTokenSource done) : ISerialPort
{
    public string Name => inner.Name;

    public SerialSettings Settings => inner.Settings;

    public int Writes { get; private set; }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        int count = inner.Read(buffer, TimeSpan.Zero);
        if (count == 0)
        {
            done.Cancel();
        }

        return count;
    }

    public void Write(ReadOnlySpan<byte> data) => Writes++;

    public void Drain() => Writes++;

    public void DiscardInput()
    {
    }

    public void Dispose()
    {
    }
}
