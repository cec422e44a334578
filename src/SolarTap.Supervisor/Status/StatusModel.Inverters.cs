using System.Net;
using SolarTap.Protocols.Net;

namespace SolarTap.Supervisor.Status;

public sealed partial class StatusModel
{
    /// <summary>
    /// An inverter is on the link: the DHCP server gave <paramref name="address"/> to <paramref name="mac"/>.
    /// Updates the inverter with that MAC, or the one posting from that address, or adds one.
    /// </summary>
    public void InverterOnLink(MacAddress mac, IPAddress address, string? hostname)
    {
        ArgumentNullException.ThrowIfNull(address);
        string macText = mac.ToString(), ip = address.ToString();
        lock (_lock)
        {
            int i = _inverters.FindIndex(x => x.Mac == macText);
            if (i < 0)
            {
                i = _inverters.FindIndex(x => x.Mac is null && x.Address == ip);
            }

            InverterStatus current = i >= 0 ? _inverters[i] : NewInverter();
            Put(i, current with { Mac = macText, Address = ip, Hostname = hostname ?? current.Hostname });
        }

        OnChanged();
    }

    /// <summary>
    /// Inverter <paramref name="serial"/> posted data from <paramref name="address"/> (if known), decoded into
    /// <paramref name="readings"/> readings, through the status source <paramref name="source"/> (if given).
    /// </summary>
    public void InverterPosted(string serial, IPAddress? address, int readings, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(serial);
        lock (_lock)
        {
            int i = Find(serial, address);
            InverterStatus current = i >= 0 ? _inverters[i] : NewInverter();
            Put(i, current with
            {
                Serial = serial,
                Address = address?.ToString() ?? current.Address,
                LastPost = _time.GetUtcNow(),
                Posts = current.Posts + 1,
                Readings = current.Readings + readings,
                Source = source ?? current.Source,
            });
        }

        OnChanged();
    }

    /// <summary>What an inverter's traffic says about its firmware; sets the guidance shown when its data cannot be read.</summary>
    public void InverterFirmwareSeen(string? serial, IPAddress? address, InverterFirmware firmware)
    {
        lock (_lock)
        {
            int i = Find(serial, address);
            InverterStatus current = i >= 0 ? _inverters[i] : NewInverter();
            Put(i, current with
            {
                Serial = serial ?? current.Serial,
                Address = address?.ToString() ?? current.Address,
                Firmware = firmware,
                Guidance = Guidance(firmware),
            });
        }

        OnChanged();
    }

    /// <summary>What the user can do about an inverter whose data cannot be read; null when it can.</summary>
    public static string? Guidance(InverterFirmware firmware) => firmware switch
    {
        InverterFirmware.EncryptedNoKey =>
            "Its messages are encrypted and its key is missing: put the key file in the keys folder (solaredge.keys_directory); docs/keys.md explains how to get it.",
        InverterFirmware.Tls =>
            "Its firmware uses TLS, so its data cannot be read from the network: connect the RS485 port, or use Modbus TCP if the inverter offers it.",
        _ => null,
    };

    private int Find(string? serial, IPAddress? address)
    {
        int i = serial is null ? -1 : _inverters.FindIndex(x => x.Serial == serial);
        if (i < 0 && address is not null)
        {
            string ip = address.ToString();
            i = _inverters.FindIndex(x => x.Address == ip && (x.Serial is null || serial is null));
        }

        return i;
    }

    private InverterStatus NewInverter() => new(null, null, null, null, _time.GetUtcNow(), null, 0, 0, InverterFirmware.Unknown, null);

    private void Put(int index, InverterStatus inverter)
    {
        if (index >= 0)
        {
            _inverters[index] = inverter;
        }
        else
        {
            _inverters.Add(inverter);
        }
    }
}
