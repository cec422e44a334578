using SolarTap.Protocols.Readings;

namespace SolarTap.Supervisor.Journal;

/// <summary>Model and firmware of a device, as a source learns them; shown in Home Assistant and kept in the journal's devices table.</summary>
public interface IDeviceDetailsStore
{
    /// <summary>Records what is known; a null leaves the stored value as it is.</summary>
    void SetDeviceDetails(DeviceIdentity device, string? model, string? firmware);

    /// <summary>The stored model and firmware of a device (nulls when unknown).</summary>
    (string? Model, string? Firmware) GetDeviceDetails(DeviceIdentity device);
}
