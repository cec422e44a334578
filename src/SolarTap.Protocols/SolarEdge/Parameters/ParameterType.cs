namespace SolarTap.Protocols.SolarEdge.Parameters;

/// <summary>The u16 type code after each value in a 0x0090 reply (spec §2.3).</summary>
#pragma warning disable CA1028 // the wire type is u16
public enum ParameterType : ushort
#pragma warning restore CA1028
{
    /// <summary>0: unsigned integer, u32.</summary>
    UnsignedInteger = 0,

    /// <summary>1: IEEE-754 single-precision float.</summary>
    FloatingPoint = 1,

    /// <summary>2: signed integer, i32.</summary>
    SignedInteger = 2,

    /// <summary>3: string; the 6-byte entry is followed by NUL-terminated ASCII text.</summary>
    Text = 3,
}
