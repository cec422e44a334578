using SolarTap.Testing.Serial;
using SolarTap.Testing.Simulators;

namespace SolarTap.Devices.Tests.Serial;

/// <summary>
/// A <see cref="FakeSerialLine"/> whose far end is a simulated RS485 bus answering synchronously, seen by the master
/// through a <see cref="ClockedSerialPort"/>, so every wait passes instantly on a <see cref="SteppedClock"/>. An
/// optional tap receives both directions, as a sniffer on the same bus would.
/// </summary>
internal sealed class SimulatedBusLine
{
    public SimulatedBusLine(SolarEdgeRs485Bus bus, bool echo = false, bool chargeWireTime = false)
    {
        Bus = bus;
        Line = FakeSerialLine.Create();
        TapLine = FakeSerialLine.Create();
        Line.A.OnWrite = chunk =>
        {
            TapLine.A.Write(chunk);
            if (echo)
            {
                Line.A.Inject(chunk); // an adapter that hears its own transmission (spec §6.1)
            }

            foreach (byte[] reply in bus.Receive(chunk))
            {
                TapLine.A.Write(reply);
                Line.A.Inject(reply);
            }

            return [];
        };
        Master = new ClockedSerialPort(Line.A, Clock) { ChargeWireTime = chargeWireTime };
    }

    public SteppedClock Clock { get; } = new(new DateTimeOffset(2026, 6, 21, 12, 0, 0, TimeSpan.Zero));

    public SolarEdgeRs485Bus Bus { get; }

    public FakeSerialLine Line { get; }

    /// <summary>A: feeds the tap; B: the sniffer's port, which sees every byte of both directions.</summary>
    public FakeSerialLine TapLine { get; }

    /// <summary>The master's end of the line.</summary>
    public ClockedSerialPort Master { get; }
}
