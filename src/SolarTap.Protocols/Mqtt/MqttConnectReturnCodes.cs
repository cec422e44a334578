using System.Globalization;

namespace SolarTap.Protocols.Mqtt;

/// <summary>Plain-text meanings of CONNACK return codes for logs and the status page (MQTT 3.1.1 §3.2.2.3).</summary>
public static class MqttConnectReturnCodes
{
    /// <summary>The meaning of <paramref name="code"/> as the specification words it, e.g. 4 = "bad user name or password".</summary>
    public static string Describe(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.Accepted => "connection accepted",
        MqttConnectReturnCode.UnacceptableProtocolVersion => "unacceptable protocol version",
        MqttConnectReturnCode.IdentifierRejected => "identifier rejected",
        MqttConnectReturnCode.ServerUnavailable => "server unavailable",
        MqttConnectReturnCode.BadUserNameOrPassword => "bad user name or password",
        MqttConnectReturnCode.NotAuthorized => "not authorized",
        _ => string.Create(CultureInfo.InvariantCulture, $"reserved return code {(byte)code}"),
    };

    /// <summary>
    /// Whether the broker refused the credentials: 4 (bad user name or password) or 5 (not authorized; mosquitto
    /// answers a wrong password with 5).
    /// </summary>
    public static bool IsAuthenticationFailure(MqttConnectReturnCode code) =>
        code is MqttConnectReturnCode.BadUserNameOrPassword or MqttConnectReturnCode.NotAuthorized;

    /// <summary>The one-line status shown to the user, e.g. "MQTT: authentication failed" for 4 and 5.</summary>
    public static string StatusText(MqttConnectReturnCode code) => code switch
    {
        MqttConnectReturnCode.Accepted => "MQTT: connected",
        _ when IsAuthenticationFailure(code) => "MQTT: authentication failed",
        _ => "MQTT: refused (" + Describe(code) + ")",
    };
}
