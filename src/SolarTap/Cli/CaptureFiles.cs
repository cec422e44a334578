namespace SolarTap.Cli;

/// <summary>Expands the FILE|DIR arguments of the capture commands into capture files, in a stable order.</summary>
internal static class CaptureFiles
{
    private static readonly string[] Extensions = [".pcap", ".pcapng", ".cap", ".dmp"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var files = new List<string>();
        foreach (string argument in arguments)
        {
            if (Directory.Exists(argument))
            {
                string[] found = Directory.EnumerateFiles(argument)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal)
                    .ToArray();
                if (found.Length == 0)
                {
                    throw new UserError($"{argument}: the directory holds no capture files ({string.Join(", ", Extensions)}).");
                }

                files.AddRange(found);
            }
            else if (File.Exists(argument))
            {
                files.Add(argument);
            }
            else
            {
                throw new UserError($"{argument}: no such file or directory.");
            }
        }

        return files;
    }

    /// <summary>True when the file starts like a pcap or pcapng file; otherwise it is taken as a raw SolarEdge stream.</summary>
    public static bool LooksLikeCapture(string path)
    {
        using Stream stream = InputFile.Open(path);
        Span<byte> magic = stackalloc byte[4];
        if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4)
        {
            return false;
        }

        uint value = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(magic);
        return value is 0xA1B2C3D4 or 0xD4C3B2A1 or 0xA1B23C4D or 0x4D3CB2A1 or 0x0A0D0D0A;
    }
}
