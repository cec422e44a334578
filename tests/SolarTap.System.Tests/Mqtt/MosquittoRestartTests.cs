using System.Globalization;
using System.Text;
using SolarTap.Protocols.Mqtt;
using static SolarTap.System.Tests.Mqtt.MqttSystemTest;

namespace SolarTap.System.Tests.Mqtt;

/// <summary>The broker is stopped and started again while QoS 1 readings are being published.</summary>
public class MosquittoRestartTests
{
    private const int Paced = 100;
    private const int Burst = 200;
    private const int WhileDown = 100;
    private const int Messages = Paced + Burst + WhileDown;

    [Fact]
    public async Task BrokerRestart_WhilePublishingQos1_NothingAcknowledgedIsLostAndUnackedAreResent()
    {
        await using MosquittoBroker broker = await MosquittoBroker.StartAsync(persistence: true);

        // The checker: a persistent session (clean session 0) with a QoS 1 subscription, so the broker keeps its
        // messages while it is disconnected and, in its persistence file, across the restart.
        MqttClientOptions checker = Client("restart-checker") with { CleanSession = false, Subscriptions = [new MqttSubscription("load/#", MqttQos.AtLeastOnce)] };
        await using var subscriber = new MqttEventLog(checker, Plain(broker));
        await subscriber.WaitAsync(e => e.Any(x => x.Kind == MqttSessionEventKind.SubscribeAcknowledged), "the checker's SUBACK");

        MqttClientOptions sink = Client("restart-sink") with { CleanSession = false, MaxInFlight = 20 };
        await using var publisher = new MqttEventLog(sink, Plain(broker));
        await publisher.ConnectedAsync();

        int next = 0;
        for (; next < Paced; next++)
        {
            Publish(publisher, next);
            await Task.Delay(2);
        }

        for (; next < Paced + Burst; next++)
        {
            Publish(publisher, next); // no pause: messages are in flight when the broker goes
        }

        await broker.StopAsync();
        int inFlightAtStop = publisher.Connection.Backlog.InFlight;
        HashSet<long> acknowledgedBeforeStop = Acknowledged(publisher.Snapshot());
        for (; next < Messages; next++)
        {
            Publish(publisher, next); // queued while the broker is down
            await Task.Delay(2);
        }

        await broker.RestartAsync();
        List<MqttSessionEvent> published = await publisher.WaitAsync(e => Acknowledged(e).Count >= Messages, $"PUBACKs for all {Messages}", seconds: 60);
        Assert.Equal(Messages, Acknowledged(published).Count);
        Assert.True(published.Count(x => x.Kind == MqttSessionEventKind.Connected) >= 2, "the publisher reconnected");

        List<MqttSessionEvent> received = await subscriber.WaitAsync(e => Received(e).Count >= Messages, $"all {Messages} at the checker", seconds: 60);
        Assert.Empty(acknowledgedBeforeStop.Except(Received(received))); // nothing acknowledged before the stop was lost
        Assert.Empty(Acknowledged(published).Except(Received(received)));

        await broker.StopAsync(); // flushes the second run's log
        if (inFlightAtStop > 0)
        {
            // §4.4: re-sent after the reconnect with DUP set and the original packet ids.
            Assert.Contains("Received PUBLISH from restart-sink (d1, q1", broker.StoppedLog, StringComparison.Ordinal);
        }
    }

    private static void Publish(MqttEventLog publisher, int n) =>
        Assert.True(publisher.Connection.TryPublish(Text($"load/{n % 4}", n.ToString(CultureInfo.InvariantCulture)), n), $"queue full at {n}");

    private static HashSet<long> Acknowledged(List<MqttSessionEvent> events) =>
        [.. events.Where(x => x.Kind == MqttSessionEventKind.PublishAcknowledged).Select(x => x.Token)];

    private static HashSet<long> Received(List<MqttSessionEvent> events) =>
        [.. events.Where(x => x.Kind == MqttSessionEventKind.MessageReceived)
            .Select(x => long.Parse(Encoding.UTF8.GetString(x.Message!.Payload.Span), CultureInfo.InvariantCulture))];
}
