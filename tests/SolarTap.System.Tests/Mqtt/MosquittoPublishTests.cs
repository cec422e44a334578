using System.Text;
using SolarTap.Protocols.Mqtt;
using SolarTap.System.Tests.Network;
using static SolarTap.System.Tests.Mqtt.MqttSystemTest;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>Publishing, retained messages, birth and will, subscribing: our client against a real mosquitto.</summary>
public class MosquittoPublishTests
{
    [Fact]
    public async Task Publish_Qos0AndQos1_ArriveAtMosquittoSubAndQos1IsAcknowledged()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using RunningProcess sub = await SubscribeAsync(broker, "solartap/#");
        await using var client = new MqttEventLog(Client("pub-qos"), Plain(broker));
        await client.ConnectedAsync();

        Assert.True(client.Connection.TryPublish(Text("solartap/qos0", "zero", MqttQos.AtMostOnce), 1));
        Assert.True(client.Connection.TryPublish(Text("solartap/qos1", "one"), 2));
        await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.PublishSent && x.Token == 1)
            && e.Any(x => x.Kind == MqttSessionEventKind.PublishAcknowledged && x.Token == 2), "QoS 0 sent and QoS 1 acknowledged");

        await WaitForOutputAsync(sub, "solartap/qos0 zero");
        await WaitForOutputAsync(sub, "solartap/qos1 one");
        Assert.Contains("q1", sub.Output.Split('\n').First(l => l.Contains("'solartap/qos1'", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Retained_IsKeptByTheBrokerForLaterSubscribers()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using (var client = new MqttEventLog(Client("pub-retained"), Plain(broker)))
        {
            await client.ConnectedAsync();
            client.Connection.TryPublish(Text("homeassistant/sensor/st_power/config", "{\"name\":\"Power\"}", retain: true), 1);
            await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.PublishAcknowledged), "PUBACK");
        }

        Assert.Equal("{\"name\":\"Power\"}", await RetainedAsync(broker, "homeassistant/sensor/st_power/config"));
    }

    [Fact]
    public async Task Availability_BirthOnlineThenWillOfflineWhenTheSocketIsCutThenOnlineAgain()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using RunningProcess sub = await SubscribeAsync(broker, "solartap/+/availability");
        MqttClientOptions options = Client("st-avail") with
        {
            AvailabilityTopic = "solartap/7d1028e7/availability",
            Backoff = new MqttBackoff { Initial = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(1) },
        };
        await using var client = new MqttEventLog(options, Plain(broker));
        await client.ConnectedAsync();
        await WaitForOutputAsync(sub, "solartap/7d1028e7/availability online");
        Assert.Equal("online", await RetainedAsync(broker, "solartap/7d1028e7/availability"));

        client.Connection.Abort(); // TCP close without DISCONNECT: the broker must publish the will
        await WaitForOutputAsync(sub, "solartap/7d1028e7/availability offline");
        await client.WaitAsync(e => e.Count(x => x.Kind == MqttSessionEventKind.Connected) == 2, "the reconnect");
        await WaitForLinesAsync(sub, "solartap/7d1028e7/availability online", 2);
        Assert.Equal("online", await RetainedAsync(broker, "solartap/7d1028e7/availability"));
    }

    [Fact]
    public async Task Disconnect_Graceful_LeavesOfflineRetained()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        await using var client = new MqttEventLog(Client("st-bye") with { AvailabilityTopic = "st/availability" }, Plain(broker));
        await client.ConnectedAsync();
        client.Connection.Disconnect();
        await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.ConnectionLost), "the end of the connection");
        Assert.Equal("MQTT: disconnected", client.Connection.StatusText);
        Assert.Equal("offline", await RetainedAsync(broker, "st/availability"));
    }

    [Fact]
    public async Task Subscribe_HomeAssistantStatus_ReceivesWhatMosquittoPubSends()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync();
        MqttClientOptions options = Client("st-sub") with { Subscriptions = [new MqttSubscription("homeassistant/status", MqttQos.AtLeastOnce)] };
        await using var client = new MqttEventLog(options, Plain(broker));
        List<MqttSessionEvent> events = await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.SubscribeAcknowledged), "SUBACK");
        Assert.Equal([1], events.Single(x => x.Kind == MqttSessionEventKind.SubscribeAcknowledged).ReturnCodes!);

        (await Network.Commands.RunAsync(MosquittoBroker.Require("mosquitto_pub"), ["-h", "127.0.0.1", "-p", broker.PortText, "-q", "1", "-t", "homeassistant/status", "-m", "online"])).EnsureSuccess();
        (await Network.Commands.RunAsync(MosquittoBroker.Require("mosquitto_pub"), ["-h", "127.0.0.1", "-p", broker.PortText, "-q", "0", "-t", "homeassistant/other", "-m", "ignored"])).EnsureSuccess();

        events = await client.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.MessageReceived), "the HA status message");
        MqttMessage message = events.Single(x => x.Kind == MqttSessionEventKind.MessageReceived).Message!;
        Assert.Equal(("homeassistant/status", "online", MqttQos.AtLeastOnce), (message.Topic, Encoding.UTF8.GetString(message.Payload.Span), message.Qos));
    }

    private static async Task WaitForLinesAsync(RunningProcess process, string line, int count)
    {
        var clock = global::System.Diagnostics.Stopwatch.StartNew();
        while (process.Output.Split('\n').Count(l => l.Trim() == line) < count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"expected '{line}' {count} times:\n{process.Output}");
            await Task.Delay(50);
        }
    }
}
