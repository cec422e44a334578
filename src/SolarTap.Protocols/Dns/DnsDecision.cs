namespace SolarTap.Protocols.Dns;

/// <summary>The engine's verdict on one query, with the events the status and log layer should hear about.</summary>
/// <param name="Kind">Answer, forward or drop.</param>
/// <param name="ResponseLength">Bytes of the response written (Answer only).</param>
/// <param name="ResponseCode">Response code of the local answer (NoError otherwise).</param>
/// <param name="QuestionType">QTYPE asked, or <see cref="DnsType.None"/> when there was no readable question.</param>
/// <param name="FirstAskedName">
/// The name in lower case, the first time this client asks it (log it once); <see langword="null"/> otherwise.
/// </param>
/// <param name="TlsFirmwareName">
/// A configured TLS name (<c>prodssl.solaredge.com</c>), the first time this client asks it: mark the inverter
/// as TLS firmware (<see cref="TlsClientHelloDetector.TlsFirmwareGuidance"/>); <see langword="null"/> otherwise.
/// </param>
public readonly record struct DnsDecision(
    DnsDecisionKind Kind,
    int ResponseLength,
    DnsResponseCode ResponseCode,
    DnsType QuestionType,
    string? FirstAskedName = null,
    string? TlsFirmwareName = null);
