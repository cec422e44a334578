using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SolarTap.Supervisor.Web;

/// <summary>
/// The web page's password, stored only as a PBKDF2-SHA256 hash (RFC 8018 §5.2):
/// <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c>, salt and hash in base64. <c>solartap web hash-password</c> makes one.
/// </summary>
public static class WebPassword
{
    /// <summary>The hash's first field.</summary>
    public const string Scheme = "pbkdf2-sha256";

    /// <summary>Iterations for new hashes: about 0.1 s on a Raspberry Pi 4 per check.</summary>
    public const int DefaultIterations = 100_000;

    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MinIterations = 10_000;
    private const int MaxIterations = 10_000_000;

    /// <summary>A new hash of <paramref name="password"/> with a random salt.</summary>
    public static string Hash(string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        byte[] salt = RandomNumberGenerator.GetBytes(SaltBytes);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Whether <paramref name="text"/> is a hash this class can check.</summary>
    public static bool IsValidHash(string text) => TryParse(text, out _, out _, out _);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="storedHash"/> (compared in constant time).</summary>
    public static bool Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(storedHash);
        if (!TryParse(storedHash, out int iterations, out byte[] salt, out byte[] expected))
        {
            return false;
        }

        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string text, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        string[] parts = text.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < MinIterations or > MaxIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && hash.Length >= 16;
    }
}
