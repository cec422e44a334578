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

    /// <summary>
    /// Waits until <paramref name="process"/> printed <paramref name="text"/>. (RunningProcess.WaitForOutputAsync reads
    /// ExitCode while building its failure message, which throws while the process still runs.)
    /// </summary>
    public static async Task WaitForOutputAsync(RunningProcess process, string text, double seconds = 10)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (!process.Output.Contains(text, StringComparison.Ordinal))
        {
            if (process.Process.HasExited)
            {
                await Task.Delay(100); // let the output pump finish
                Assert.True(process.Output.Contains(text, StringComparison.Ordinal), $"'{process.Command}' exited ({process.Process.ExitCode}) before printing '{text}'.\n{process.Output}");
                return;
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"'{process.Command}' did not print '{text}' within {seconds} s.\n{process.Output}");
            await Task.Delay(20);
        }
    }

    /// <summary>The retained message on <paramref name="topic"/> as <c>mosquitto_sub</c> sees it, or "" when none.</summary>
    public static async Task<string> RetainedAsync(MosquittoBroker broker, string topic)
    {
        CommandResult result = await Network.Commands.RunAsync(MosquittoBroker.Require("mosquitto_sub"),
            ["-h", "127.0.0.1", "-p", broker.PortText, "-t", topic, "-C", "1", "-W", "2", "--retained-only"], TimeSpan.FromSeconds(10));
        return result.StandardOutput.Trim();
    }
}
