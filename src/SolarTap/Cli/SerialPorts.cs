using System.Globalization;
using SolarTap.Devices.Serial;
using SolarTap.Linux.Serial;

namespace SolarTap.Cli;

/// <summary>Opens a serial port for a command, turning every way it can fail into one clear line (a <see cref="UserError"/>).</summary>
internal static class SerialPorts
{
    public static LinuxSerialPort Open(string path, int baud, bool rs485)
    {
        try
        {
            return LinuxSerialPort.Open(path, new SerialSettings(baud), new LinuxSerialPortOptions { Rs485 = rs485 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw Failure(path, e);
        }
    }

    /// <summary>The one line for a port that could not be opened: missing, not permitted, busy, or another reason.</summary>
    public static UserError Failure(string path, Exception error) => error switch
    {
        FileNotFoundException => new UserError($"{path}: no such serial port. Check that the adapter is plugged in; 'ls /dev/serial/by-id/' lists the ports this machine has.", error),
        UnauthorizedAccessException => new UserError($"{path}: permission denied. Serial ports belong to the 'dialout' group: run 'sudo usermod -aG dialout $USER', log in again, and retry (or run as root).", error),
        IOException e when e.HResult == 16 || e.Message.Contains("Another program has it open", StringComparison.Ordinal) =>
            new UserError($"{path}: busy, another program has it open (the appliance's RS485 source, semonitor, a terminal program?); stop it first.", error),
        IOException => new UserError($"{path}: {error.Message}", error),
        _ => new UserError(error.Message, error),
    };

    /// <summary>Parses an inverter ID as printed on the inverter: hexadecimal, optional 0x (7F104920).</summary>
    public static uint ParseId(string text)
    {
        string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (digits.Length is 0 or > 8 || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint id))
        {
            throw new UserError($"--id: expected the inverter ID in hexadecimal as printed on the inverter (e.g. 7F104920), found '{text}'.");
        }

        return id;
    }

    /// <summary>A starting sequence number that does not repeat from one run to the next (spec §1.4).</summary>
    public static ushort FirstSequence(TimeProvider time) => (ushort)Math.Max(1, time.GetUtcNow().ToUnixTimeSeconds() % ushort.MaxValue);
}
