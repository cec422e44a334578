namespace SolarTap.Protocols.SolarEdge.Decoding;

/// <summary>Sees every checked message exactly as it was on the wire, before any decryption.</summary>
public interface ISolarEdgeFrameObserver
{
    /// <summary>One message; its payload is valid only during the call.</summary>
    void OnFrame(in SolarEdgeFrame frame);
}
