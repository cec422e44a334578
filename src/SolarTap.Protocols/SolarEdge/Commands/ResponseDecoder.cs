using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SolarTap.Protocols.SolarEdge.Parameters;

namespace SolarTap.Protocols.SolarEdge.Commands;

/// <summary>Decodes the answers to common commands into fields and a one-line summary (spec §2.2). Never throws.</summary>
public static class ResponseDecoder
{
    private const int LcdLines = 4;
    private const int LcdColumns = 20;

    /// <summary>Decodes the payload of an answer with function <paramref name="function"/>.</summary>
    public static DecodedResponse Decode(FunctionCode function, ReadOnlySpan<byte> payload) => function switch
    {
        FunctionCode.RespAck => new(function, ResponseKind.Ack, [], "ACK"),
        FunctionCode.RespNack => new(function, ResponseKind.Nack, payload.IsEmpty ? [] : [new("raw", Convert.ToHexStringLower(payload))], "NACK"),
        FunctionCode.RespParamsSingle => Parameters(payload),
        FunctionCode.RespMiscGetVer => Version(payload),
        FunctionCode.RespMiscGetType when payload.Length == 2 => DeviceType(BinaryPrimitives.ReadUInt16LittleEndian(payload)),
        FunctionCode.RespServerGmt => Time(payload),
        FunctionCode.RespPolestarGetEnergyStatisticsStatus => Energy(payload),
        FunctionCode.RespPolestarIpAddrGet => Addresses(payload),
        FunctionCode.RespPolestarReadLcd => Lcd(payload),
        FunctionCode.RespMiscGetType => Malformed(function, "a 0x00B1 answer has 2 bytes", payload),
        _ => new(function, ResponseKind.Raw, [new("raw", Convert.ToHexStringLower(payload))],
            string.Create(CultureInfo.InvariantCulture, $"function 0x{(ushort)function:X4}, {payload.Length} bytes")),
    };

    private static DecodedResponse Parameters(ReadOnlySpan<byte> payload)
    {
        // spec §2.3; semonitor prints one numeric value as {"type": t, "value": v}.
        if (!ParameterCodec.TryReadValues(payload, out IReadOnlyList<ParameterValue> values, out string? error) || values.Count == 0)
        {
            return Malformed(FunctionCode.RespParamsSingle, error ?? "a 0x0090 answer holds at least one value", payload);
        }

        static ResponseField[] Entry(ParameterValue value) => [new("type", (ushort)value.Type), new("value", JsonValue(value))];
        IReadOnlyList<ResponseField> fields = values.Count == 1
            ? Entry(values[0])
            : [new("values", values.Select(v => (object)Entry(v)).ToList())];
        return new(FunctionCode.RespParamsSingle, ResponseKind.Parameters, fields,
            (values.Count == 1 ? "value " : "values ") + string.Join(", ", values.Select(v => v.ToString())));
    }

    private static object JsonValue(ParameterValue value) => value.Type switch
    {
        ParameterType.SignedInteger => value.SignedValue,
        ParameterType.FloatingPoint => (double)value.FloatValue,
        ParameterType.Text => value.Text ?? "",
        _ => value.Raw,
    };

    private static DecodedResponse Version(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 4)
        {
            return Malformed(FunctionCode.RespMiscGetVer, "a 0x00B0 answer has 4 bytes (u16 major, u16 minor)", payload);
        }

        ushort major = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        ushort minor = BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]);
        string text = string.Create(CultureInfo.InvariantCulture, $"{major:D4}.{minor:D4}");
        return new(FunctionCode.RespMiscGetVer, ResponseKind.Version, [new("major", major), new("minor", minor), new("version", text)], "version " + text);
    }

    private static DecodedResponse DeviceType(ushort type)
        => new(FunctionCode.RespMiscGetType, ResponseKind.DeviceType, [new("type", type)], string.Create(CultureInfo.InvariantCulture, $"type {type}"));

    private static DecodedResponse Time(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 8)
        {
            return Malformed(FunctionCode.RespServerGmt, "a 0x0580 answer has 8 bytes (u32 UTC time, i32 offset)", payload);
        }

        uint time = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        int offset = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        var span = TimeSpan.FromSeconds(offset);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"{Utc(time)}, UTC{(offset < 0 ? '-' : '+')}{span.Duration():hh\\:mm}");
        return new(FunctionCode.RespServerGmt, ResponseKind.Time, [new("time", time), new("tzOffset", offset)], summary);
    }

    private static DecodedResponse Energy(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 20)
        {
            return Malformed(FunctionCode.RespPolestarGetEnergyStatisticsStatus, "a 0x038D answer has 20 bytes (4 × f32 Wh, u32 time)", payload);
        }

        string[] names = ["Eday", "Emon", "Eyear", "Etot"];
        var fields = new List<ResponseField>();
        var summary = new StringBuilder();
        for (int i = 0; i < names.Length; i++)
        {
            double value = BinaryPrimitives.ReadSingleLittleEndian(payload[(4 * i)..]);
            fields.Add(new(names[i], value));
            summary.Append(CultureInfo.InvariantCulture, $"{names[i]} {PythonJson.Float(value)} Wh, ");
        }

        uint time = BinaryPrimitives.ReadUInt32LittleEndian(payload[16..]);
        fields.Add(new("time", time));
        summary.Append(Utc(time));
        return new(FunctionCode.RespPolestarGetEnergyStatisticsStatus, ResponseKind.EnergyStatistics, fields, summary.ToString());
    }

    private static DecodedResponse Addresses(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != 16)
        {
            return Malformed(FunctionCode.RespPolestarIpAddrGet, "a 0x0382 answer has 16 bytes (IP, netmask, gateway, DNS)", payload);
        }

        // spec §2.2: each address is stored least-significant octet first; reverse to print.
        string[] names = ["ip", "netmask", "gateway", "dns"];
        var fields = new ResponseField[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            ReadOnlySpan<byte> a = payload.Slice(4 * i, 4);
            fields[i] = new(names[i], string.Create(CultureInfo.InvariantCulture, $"{a[3]}.{a[2]}.{a[1]}.{a[0]}"));
        }

        return new(FunctionCode.RespPolestarIpAddrGet, ResponseKind.IpAddresses, fields,
            $"IP {fields[0].Value}, netmask {fields[1].Value}, gateway {fields[2].Value}, DNS {fields[3].Value}");
    }

    private static DecodedResponse Lcd(ReadOnlySpan<byte> payload)
    {
        if (payload.Length != LcdLines * LcdColumns)
        {
            return Malformed(FunctionCode.RespPolestarReadLcd, "a 0x0398 answer has 80 bytes (4 LCD lines of 20 characters)", payload);
        }

        var lines = new List<object>();
        for (int i = 0; i < LcdLines; i++)
        {
            string line = Encoding.Latin1.GetString(payload.Slice(i * LcdColumns, LcdColumns));
            lines.Add(new string([.. line.Select(c => char.IsControl(c) ? ' ' : c)]).TrimEnd());
        }

        return new(FunctionCode.RespPolestarReadLcd, ResponseKind.LcdText, [new("lines", lines)], string.Join(" | ", lines));
    }

    private static DecodedResponse Malformed(FunctionCode function, string expected, ReadOnlySpan<byte> payload)
    {
        string error = string.Create(CultureInfo.InvariantCulture, $"{expected}; this one has {payload.Length}");
        return new(function, ResponseKind.Malformed, [new("raw", Convert.ToHexStringLower(payload))], error, error);
    }

    private static string Utc(uint unixTime)
        => DateTimeOffset.FromUnixTimeSeconds(unixTime).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
