using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SolarTap.Protocols.Display;

namespace SolarTap.Protocols.Tests.Display;

/// <summary>
/// A deliberately small, independent reader of the grayscale PNGs the writer makes: checks the signature and every
/// chunk's CRC (bit by bit, not with the writer's table), inflates IDAT with the BCL's zlib and undoes filter 0.
/// </summary>
internal sealed class DecodedPng
{
    private DecodedPng(int width, int height, int depth, List<(string Type, byte[] Data)> chunks, byte[] scanlines)
    {
        Width = width;
        Height = height;
        Depth = depth;
        Chunks = chunks;
        Scanlines = scanlines;
    }

    public int Width { get; }

    public int Height { get; }

    public int Depth { get; }

    public List<(string Type, byte[] Data)> Chunks { get; }

    /// <summary>The inflated IDAT content: per row a filter byte and the packed pixels.</summary>
    public byte[] Scanlines { get; }

    public static DecodedPng Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        var chunks = new List<(string, byte[])>();
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            string type = Encoding.ASCII.GetString(png, offset + 4, 4);
            byte[] data = png.AsSpan(offset + 8, length).ToArray();
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.True(BitwiseCrc(png.AsSpan(offset + 4, 4 + length)) == crc, $"CRC of chunk {type}");
            chunks.Add((type, data));
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        byte[] header = chunks[0].Item2;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks.Where(c => c.Item1 == "IDAT").SelectMany(c => c.Item2).ToArray()), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new DecodedPng(
            BinaryPrimitives.ReadInt32BigEndian(header), BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)), header[8], chunks, inflated.ToArray());
    }

    /// <summary>Whether pixel (x, y) is white; only filter type 0 is understood (the writer uses no other).</summary>
    public bool IsWhite(int x, int y)
    {
        int stride = 1 + (Depth == 1 ? (Width + 7) / 8 : Width);
        Assert.Equal(0, Scanlines[y * stride]);
        return Depth == 1 ? (Scanlines[y * stride + 1 + (x >> 3)] & (0x80 >> (x & 7))) != 0 : Scanlines[y * stride + 1 + x] != 0;
    }

    /// <summary>The image as a framebuffer (1:1 pixels).</summary>
    public MonoFramebuffer ToFramebuffer()
    {
        var framebuffer = new MonoFramebuffer(Width, Height);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                framebuffer.SetPixel(x, y, IsWhite(x, y));
            }
        }

        return framebuffer;
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ 0xEDB88320 : c >> 1;
            }
        }

        return ~c;
    }
}
