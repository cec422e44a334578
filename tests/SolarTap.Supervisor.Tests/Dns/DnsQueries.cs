using SolarTap.Protocols.Dns;

namespace SolarTap.Supervisor.Tests.Dns;

/// <summary>Queries built with the codec, and replies read with it.</summary>
internal static class DnsQueries
{
    public static byte[] Query(string name, DnsType type, ushort id = 0x4242)
    {
        var message = new DnsMessage { Id = id, RecursionDesired = true };
        message.Questions.Add(new DnsQuestion(DnsName.Parse(name), type));
        return message.ToArray();
    }

    public static DnsMessage Read(ReadOnlySpan<byte> bytes)
    {
        Assert.True(DnsMessage.TryRead(bytes, out DnsMessage? message, out DnsReadError error), $"reply does not parse: {error}");
        return message;
    }
}
