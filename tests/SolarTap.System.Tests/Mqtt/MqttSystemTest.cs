using System.Text;
using SolarTap.Protocols.Mqtt;
using SolarTap.System.Tests.Network;
using SolarTap.Supervisor.Mqtt;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>Shared helpers for the tests against a real mosquitto.</summary>
internal static class MqttSystemTest
{
    public static MqttClientOptions Client(string clientId) => new()
    {
        ClientId = clientId,
        KeepAliveSeconds = 10,
        Backoff = new MqttBackoff { Initial = TimeSpan.FromMilliseconds(200), Maximum = TimeSpan.FromSeconds(2) },
    };

    public static MqttTransportOptions Plain(MosquittoBroker broker) => new() { Host = "127.0.0.1", Port = broker.Port };

    public static MqttMessage Text(string topic, string payload, MqttQos qos = MqttQos.AtLeastOnce, bool retain = false) =>
        new(topic, Encoding.UTF8.GetBytes(payload), qos, retain);

    /// <summary>Starts <c>mosquitto_sub -d -v</c> and waits until its SUBACK arrived.</summary>
    public static async Task<RunningProcess> SubscribeAsync(MosquittoBroker broker, string filter, params string[] extra)
    {
        // stdbuf: mosquitto_sub's stdout is a pipe here, block-buffered unless told otherwise.
        RunningProcess sub = Network.Commands.Start("stdbuf", ["-oL", "-eL", MosquittoBroker.Require("mosquitto_sub"), "-d", "-v", "-V", "mqttv311", "-q", "1", "-h", "127.0.0.1", "-p", broker.PortText, "-t", filter, .. extra]);
        await WaitForOutputAsync(sub, "received SUBACK");
        return sub;
    }

    /// <summary>Waits until <paramref name="process"/> printed <paramref name="text"/>.</summary>
    public static Task WaitForOutputAsync(RunningProcess process, string text, double seconds = 10) =>
        process.WaitForOutputAsync(text, TimeSpan.FromSeconds(seconds));

    /// <summary>The retained message on <paramref name="topic"/> as <c>mosquitto_sub</c> sees it, or "" when none.</summary>
    public static async Task<string> RetainedAsync(MosquittoBroker broker, string topic)
    {
        CommandResult result = await Network.Commands.RunAsync(MosquittoBroker.Require("mosquitto_sub"),
            ["-h", "127.0.0.1", "-p", broker.PortText, "-t", topic, "-C", "1", "-W", "2", "--retained-only"], TimeSpan.FromSeconds(10));
        return result.StandardOutput.Trim();
    }
}
