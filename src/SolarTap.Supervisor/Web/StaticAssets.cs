using System.IO.Compression;
using System.Reflection;

namespace SolarTap.Supervisor.Web;

/// <summary>The page's files, embedded in this assembly (Web/wwwroot), loaded and compressed once at start.</summary>
internal sealed class StaticAssets
{
    private const string Prefix = "wwwroot/";
    private readonly Dictionary<string, StaticAsset> _assets = new(StringComparer.Ordinal);

    /// <summary>Loads every embedded file under wwwroot/.</summary>
    public StaticAssets()
    {
        Assembly assembly = typeof(StaticAssets).Assembly;
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var plain = new MemoryStream();
            stream.CopyTo(plain);
            byte[] bytes = plain.ToArray();
            using var packed = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                gzip.Write(bytes);
            }

            string etag = $"\"{Fnv1a(bytes):x16}\"";
            _assets["/" + name[Prefix.Length..]] = new StaticAsset(ContentTypeOf(name), bytes, packed.ToArray(), etag);
        }
    }

    /// <summary>The file served at <paramref name="path"/> (<c>/index.html</c>, <c>/app.js</c>, ...), or null.</summary>
    public StaticAsset? Find(string path) => _assets.GetValueOrDefault(path);

    /// <summary>Every path served.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>
    /// 64-bit FNV-1a of the bytes: enough to tell versions of a file apart, and unlike SHA-256 it does not load the
    /// system's crypto library (4 MB of memory) at start.
    /// </summary>
    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037;
        foreach (byte b in bytes)
        {
            hash = (hash ^ b) * 1099511628211;
        }

        return hash;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
