namespace SolarTap.Protocols.Net;

/// <summary>A buffered out-of-order piece of a stream: its stream offset, a private copy of its bytes, and when it came.</summary>
internal readonly record struct PendingSegment(long Offset, byte[] Data, long ArrivalNs)
{
    public long End => Offset + Data.Length;
}
