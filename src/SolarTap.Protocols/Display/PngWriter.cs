using System.Buffers.Binary;
using System.IO.Compression;

namespace SolarTap.Protocols.Display;

/// <summary>
/// Writes a framebuffer as a grayscale PNG (W3C PNG specification, RFC 2083), lit pixels white, in memory:
/// <code>
///   89 50 4E 47 0D 0A 1A 0A                       signature (§5.2)
///   chunk = length(4, big-endian) | type(4) | data | CRC-32 over type and data (§5.3)
///   IHDR  width(4) height(4) depth(1) colour type 0 = grayscale(1) compression 0 | filter 0 | interlace 0 (§11.2.2)
///   IDAT  zlib stream (RFC 1950) of the scanlines, each one filter byte 0 (None) then the packed pixels (§7.3, §9)
///   IEND  empty (§11.2.5)
/// </code>
/// Used for golden images of the OLED pages; the compressed bytes depend on the runtime's zlib, the pixels do not.
/// </summary>
public static class PngWriter
{
    /// <summary>The 8-byte PNG signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="framebuffer"/>, each pixel drawn as <paramref name="scale"/>×<paramref name="scale"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not 1 to 16.</exception>
    public static byte[] Write(MonoFramebuffer framebuffer, PngBitDepth depth = PngBitDepth.One, int scale = 1)
    {
        ArgumentNullException.ThrowIfNull(framebuffer);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 16);
        if (depth is not (PngBitDepth.One or PngBitDepth.Eight))
        {
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "Only 1-bit and 8-bit grayscale are written.");
        }

        int width = framebuffer.Width * scale;
        int height = framebuffer.Height * scale;
        byte[] scanlines = Scanlines(framebuffer, depth, scale);

        using var output = new MemoryStream();
        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = (byte)depth;
        header[9] = 0;  // colour type 0: grayscale
        header[10] = 0; // compression method 0: deflate
        header[11] = 0; // filter method 0: adaptive, five filter types
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "IDAT"u8, Compress(scanlines));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>Bytes of one scanline (without its filter byte) for an image <paramref name="width"/> pixels wide.</summary>
    public static int RowBytes(int width, PngBitDepth depth) => depth == PngBitDepth.One ? (width + 7) / 8 : width;

    /// <summary>The unfiltered image data: per row, filter type 0 and the packed pixels.</summary>
    internal static byte[] Scanlines(MonoFramebuffer framebuffer, PngBitDepth depth, int scale)
    {
        int width = framebuffer.Width * scale;
        int height = framebuffer.Height * scale;
        int stride = 1 + RowBytes(width, depth);
        var data = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            Span<byte> row = data.AsSpan(y * stride + 1, stride - 1);
            for (int x = 0; x < width; x++)
            {
                if (!framebuffer.GetPixel(x / scale, y / scale))
                {
                    continue;
                }

                if (depth == PngBitDepth.One)
                {
                    row[x >> 3] |= (byte)(0x80 >> (x & 7));
                }
                else
                {
                    row[x] = 0xFF;
                }
            }
        }

        return data;
    }

    private static byte[] Compress(byte[] scanlines)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(scanlines);
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(MemoryStream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(type), data));
        output.Write(word);
    }
}
