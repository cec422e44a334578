namespace SolarTap.Supervisor.Web;

/// <summary>One file of the page, held in memory as sent: plain and gzip-compressed, with its ETag.</summary>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="Plain">The bytes.</param>
/// <param name="Gzip">The bytes gzip-compressed.</param>
/// <param name="ETag">A quoted strong ETag of the bytes.</param>
internal sealed record StaticAsset(string ContentType, byte[] Plain, byte[] Gzip, string ETag);
