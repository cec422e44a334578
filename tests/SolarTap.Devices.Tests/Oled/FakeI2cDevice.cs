using SolarTap.Devices.Oled;

namespace SolarTap.Devices.Tests.Oled;

/// <summary>Records every write and feeds it to a model of the controller's RAM; can be told to fail.</summary>
internal sealed class FakeI2cDevice(OledRamModel model) : II2cDevice
{
    public List<byte[]> Writes { get; } = [];

    public OledRamModel Model { get; } = model;

    /// <summary>Fail the write with this (zero-based) number from now on; -1 never.</summary>
    public int FailAtWrite { get; set; } = -1;

    public void Write(ReadOnlySpan<byte> data)
    {
        if (FailAtWrite >= 0 && Writes.Count >= FailAtWrite)
        {
            throw new IOException("Remote I/O error (no ACK)");
        }

        Writes.Add(data.ToArray());
        Model.Apply(data);
    }
}
