namespace SolarTap.Protocols.SolarEdge.Server;

/// <summary>
/// Fills <paramref name="destination"/> with random bytes. Protocols code draws no randomness itself (ARCHITECTURE §4.1):
/// the caller passes <c>RandomNumberGenerator.Fill</c> in production and a scripted source in tests.
/// </summary>
/// <param name="destination">The bytes to fill.</param>
public delegate void RandomBytes(Span<byte> destination);
