using System.Text;

namespace SolarTap.Protocols.Mqtt;

/// <summary>What a <see cref="MqttClientSession"/> connects with and how it paces itself.</summary>
public sealed record MqttClientOptions
{
    /// <summary>Payload of the will on <see cref="AvailabilityTopic"/>.</summary>
    public const string OfflinePayload = "offline";

    /// <summary>Payload of the birth message on <see cref="AvailabilityTopic"/>.</summary>
    public const string OnlinePayload = "online";

    /// <summary>The client identifier (§3.1.3.1); keep it stable so a persistent session survives reconnects.</summary>
    public string ClientId { get; init; } = "";

    /// <summary>
    /// Clean session (§3.1.2.4). False keeps the broker-side session, so unacknowledged QoS 1 publishes are re-sent
    /// with DUP and their original packet ids after a reconnect (§4.4); true re-queues them as new messages.
    /// </summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>Keep alive in seconds (§3.1.2.10); 0 turns pings off.</summary>
    public ushort KeepAliveSeconds { get; init; } = 60;

    /// <summary>How long to wait for PINGRESP before declaring the connection dead (§3.1.2.10: "a reasonable amount of time").</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long to wait for CONNACK after CONNECT.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the oldest QoS 1 publish may wait for PUBACK before the connection is declared dead.</summary>
    public TimeSpan AckTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The user name, or null (§3.1.3.4).</summary>
    public string? UserName { get; init; }

    /// <summary>The password, sent as UTF-8 (§3.1.3.5), or null. Needs <see cref="UserName"/>.</summary>
    public string? Password { get; init; }

    /// <summary>
    /// The availability topic: when set, the will is "offline" and the birth message "online" on it, both QoS 1
    /// and retained, unless <see cref="Will"/> or <see cref="Birth"/> are given explicitly.
    /// </summary>
    public string? AvailabilityTopic { get; init; }

    /// <summary>An explicit will (§3.1.2.5), overriding the availability "offline".</summary>
    public MqttMessage? Will { get; init; }

    /// <summary>An explicit birth message published after every CONNACK 0, overriding the availability "online".</summary>
    public MqttMessage? Birth { get; init; }

    /// <summary>Filters subscribed after every CONNACK 0 (e.g. <c>homeassistant/status</c>).</summary>
    public IReadOnlyList<MqttSubscription> Subscriptions { get; init; } = [];

    /// <summary>The most QoS 1 publishes written and not yet acknowledged.</summary>
    public int MaxInFlight { get; init; } = 16;

    /// <summary>The most publishes queued behind them; <see cref="MqttClientSession.TryPublish"/> refuses more.</summary>
    public int MaxQueued { get; init; } = 1024;

    /// <summary>Reconnect delays.</summary>
    public MqttBackoff Backoff { get; init; } = new();

    /// <summary>The will actually sent: <see cref="Will"/>, else "offline" on <see cref="AvailabilityTopic"/>, else none.</summary>
    public MqttMessage? EffectiveWill => Will ?? Availability(OfflinePayload);

    /// <summary>The birth message actually sent: <see cref="Birth"/>, else "online" on <see cref="AvailabilityTopic"/>, else none.</summary>
    public MqttMessage? EffectiveBirth => Birth ?? Availability(OnlinePayload);

    /// <summary>The CONNECT fields these options give (§3.1).</summary>
    public MqttConnect ToConnect() => new()
    {
        ClientId = ClientId,
        CleanSession = CleanSession,
        KeepAliveSeconds = KeepAliveSeconds,
        Will = EffectiveWill,
        UserName = UserName,
        Password = Password is null ? null : Encoding.UTF8.GetBytes(Password),
    };

    /// <summary>Everything wrong with these options, each as a sentence; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (AvailabilityTopic is not null && !MqttTopic.IsValidName(AvailabilityTopic))
        {
            problems.Add($"The availability topic '{AvailabilityTopic}' is not a valid topic name.");
        }
        else
        {
            problems.AddRange(ToConnect().Validate());
            if (EffectiveBirth is { } birth && (!MqttTopic.IsValidName(birth.Topic) || birth.Qos > MqttQos.AtLeastOnce))
            {
                problems.Add("The birth message needs a valid topic name and QoS 0 or 1.");
            }
        }

        foreach (MqttSubscription subscription in Subscriptions)
        {
            if (!MqttTopic.IsValidFilter(subscription.Filter) || subscription.Qos > MqttQos.ExactlyOnce)
            {
                problems.Add($"The subscription '{subscription.Filter}' is not a valid topic filter with QoS 0-2.");
            }
        }

        if (MaxInFlight is < 1 or > 65_000)
        {
            problems.Add("MaxInFlight must be between 1 and 65000.");
        }

        if (MaxQueued < 1)
        {
            problems.Add("MaxQueued must be at least 1.");
        }

        if (PingTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || AckTimeout <= TimeSpan.Zero)
        {
            problems.Add("The ping, connect and acknowledgment timeouts must be positive.");
        }

        problems.AddRange(Backoff.Validate());
        return problems;
    }

    private MqttMessage? Availability(string payload) =>
        AvailabilityTopic is { } topic ? new MqttMessage(topic, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, Retain: true) : null;
}
