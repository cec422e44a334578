namespace SolarTap.Protocols.SunSpec;

/// <summary>One model found while walking a SunSpec map: its id, where it starts and how long its body is (§2).</summary>
/// <remarks>
/// <code>
/// Address:     | ID | L | body: L registers ... |   next model at Address + 2 + L
/// </code>
/// </remarks>
/// <param name="Id">The model id (1, 101, 203, ...).</param>
/// <param name="Address">The PDU address of the ID register.</param>
/// <param name="Length">L: registers after the ID and L registers.</param>
public readonly record struct SunSpecModelHeader(ushort Id, ushort Address, ushort Length)
{
    /// <summary>Registers of the whole block, header included.</summary>
    public int BlockLength => Length + 2;

    /// <summary>The address after the block: where the next model header is.</summary>
    public int NextAddress => Address + BlockLength;
}
