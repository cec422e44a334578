namespace SolarTap.Protocols.SolarEdge.Telemetry;

/// <summary>Why a telemetry record was not decoded.</summary>
public enum UnknownRecordReason
{
    /// <summary>The record type has no decoder.</summary>
    UnknownType,
    /// <summary>The type is known but the declared length does not fit its layout.</summary>
    UnusableLength,
    /// <summary>The record runs past the end of the payload (or its header does); decoding stopped there.</summary>
    Truncated,
}
