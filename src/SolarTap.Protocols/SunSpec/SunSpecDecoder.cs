namespace SolarTap.Protocols.SunSpec;

/// <summary>
/// Decodes SunSpec model blocks read from a device (docs/spec/sunspec.md §3). Each decoder takes the block from its
/// ID register on, checks the ID and the declared length, scales every point by its scale factor and leaves out
/// "not implemented" values. Never throws on bad input.
/// </summary>
public static partial class SunSpecDecoder
{
    /// <summary>Body registers model 1 needs (Mn .. DA; the pad register is optional).</summary>
    public const int CommonLength = 65;

    /// <summary>Body registers models 101–103 need (A .. EvtVnd4).</summary>
    public const int InverterLength = 50;

    /// <summary>Body registers models 111–113 need (A .. EvtVnd4).</summary>
    public const int FloatInverterLength = 60;

    /// <summary>Body registers models 201–204 need (A .. Evt).</summary>
    public const int MeterLength = 105;

    /// <summary>Body registers model 802 needs (AHRtg .. W_SF).</summary>
    public const int BatteryLength = 62;

    /// <summary>Decodes model 1.</summary>
    /// <remarks>
    /// <code>
    /// body offset  0 Mn (16 regs) | 16 Md (16) | 32 Opt (8) | 40 Vr (8) | 48 SN (16) | 64 DA | 65 Pad
    /// </code>
    /// </remarks>
    public static SunSpecDecodeStatus TryDecodeCommon(ReadOnlySpan<ushort> block, out SunSpecCommon? common)
    {
        common = null;
        SunSpecDecodeStatus status = Check(block, id => id == SunSpecModelIds.Common, CommonLength, out ReadOnlySpan<ushort> b);
        if (status != SunSpecDecodeStatus.Ok)
        {
            return status;
        }

        common = new SunSpecCommon(
            SunSpecValues.ReadString(b, 0, 16),
            SunSpecValues.ReadString(b, 16, 16),
            SunSpecValues.ReadString(b, 32, 8),
            SunSpecValues.ReadString(b, 40, 8),
            SunSpecValues.ReadString(b, 48, 16),
            SunSpecValues.ReadUInt16(b, 64));
        return SunSpecDecodeStatus.Ok;
    }

    /// <summary>Decodes an inverter model, 101–103 or 111–113.</summary>
    public static SunSpecDecodeStatus TryDecodeInverter(ReadOnlySpan<ushort> block, out SunSpecInverter? inverter)
    {
        inverter = null;
        if (block.Length >= 1 && block[0] >= 111)
        {
            SunSpecDecodeStatus floats = Check(block, id => id is >= 111 and <= 113, FloatInverterLength, out ReadOnlySpan<ushort> f);
            if (floats == SunSpecDecodeStatus.Ok)
            {
                inverter = FloatInverter(block[0], f);
            }

            return floats;
        }

        SunSpecDecodeStatus status = Check(block, id => id is >= 101 and <= 103, InverterLength, out ReadOnlySpan<ushort> b);
        if (status == SunSpecDecodeStatus.Ok)
        {
            inverter = IntegerInverter(block[0], b);
        }

        return status;
    }

    /// <summary>
    /// Models 101–103: integer points with a scale factor each (unsigned currents and voltages, signed powers).
    /// </summary>
    /// <remarks>
    /// <code>
    /// body  0 A  1 AphA  2 AphB  3 AphC  4 A_SF | 5 PPVphAB 6 BC 7 CA 8 PhVphA 9 B 10 C 11 V_SF | 12 W 13 W_SF
    ///      14 Hz 15 Hz_SF | 16 VA 17 VA_SF | 18 VAr 19 VAr_SF | 20 PF 21 PF_SF | 22-23 WH (acc32) 24 WH_SF
    ///      25 DCA 26 DCA_SF | 27 DCV 28 DCV_SF | 29 DCW 30 DCW_SF | 31 TmpCab 32 TmpSnk 33 TmpTrns 34 TmpOt 35 Tmp_SF
    ///      36 St 37 StVnd | 38-39 Evt1 40-41 Evt2 42-43 EvtVnd1 .. 48-49 EvtVnd4
    /// </code>
    /// </remarks>
    private static SunSpecInverter IntegerInverter(ushort id, ReadOnlySpan<ushort> b)
    {
        int? aSf = SunSpecValues.ReadScaleFactor(b, 4), vSf = SunSpecValues.ReadScaleFactor(b, 11), tSf = SunSpecValues.ReadScaleFactor(b, 35);
        return new SunSpecInverter
        {
            ModelId = id,
            Current = U(b, 0, aSf),
            PhaseCurrent = (U(b, 1, aSf), U(b, 2, aSf), U(b, 3, aSf)),
            LineVoltage = (U(b, 5, vSf), U(b, 6, vSf), U(b, 7, vSf)),
            PhaseVoltage = (U(b, 8, vSf), U(b, 9, vSf), U(b, 10, vSf)),
            Power = S(b, 12, SunSpecValues.ReadScaleFactor(b, 13)),
            Frequency = U(b, 14, SunSpecValues.ReadScaleFactor(b, 15)),
            ApparentPower = S(b, 16, SunSpecValues.ReadScaleFactor(b, 17)),
            ReactivePower = S(b, 18, SunSpecValues.ReadScaleFactor(b, 19)),
            PowerFactorPercent = S(b, 20, SunSpecValues.ReadScaleFactor(b, 21)),
            Energy = SunSpecValues.Scale(SunSpecValues.ReadAcc32(b, 22), SunSpecValues.ReadScaleFactor(b, 24)),
            DcCurrent = U(b, 25, SunSpecValues.ReadScaleFactor(b, 26)),
            DcVoltage = U(b, 27, SunSpecValues.ReadScaleFactor(b, 28)),
            DcPower = S(b, 29, SunSpecValues.ReadScaleFactor(b, 30)),
            Temperature = (S(b, 31, tSf), S(b, 32, tSf), S(b, 33, tSf), S(b, 34, tSf)),
            State = SunSpecValues.ReadUInt16(b, 36),
            VendorState = SunSpecValues.ReadUInt16(b, 37),
            Events = SunSpecValues.ReadUInt32(b, 38),
            VendorEvents = SunSpecValues.ReadUInt32(b, 42),
        };
    }

    /// <summary>Models 111–113: every measurement a float32 (two registers), no scale factors.</summary>
    /// <remarks>
    /// <code>
    /// body  0 A  2 AphA  4 AphB  6 AphC | 8 PPVphAB 10 BC 12 CA | 14 PhVphA 16 B 18 C | 20 W 22 Hz 24 VA 26 VAr
    ///      28 PF 30 WH | 32 DCA 34 DCV 36 DCW | 38 TmpCab 40 TmpSnk 42 TmpTrns 44 TmpOt | 46 St 47 StVnd
    ///      48-49 Evt1 50-51 Evt2 52-53 EvtVnd1 .. 58-59 EvtVnd4
    /// </code>
    /// </remarks>
    private static SunSpecInverter FloatInverter(ushort id, ReadOnlySpan<ushort> b)
    {
        return new SunSpecInverter
        {
            ModelId = id,
            Current = F(b, 0),
            PhaseCurrent = (F(b, 2), F(b, 4), F(b, 6)),
            LineVoltage = (F(b, 8), F(b, 10), F(b, 12)),
            PhaseVoltage = (F(b, 14), F(b, 16), F(b, 18)),
            Power = F(b, 20),
            Frequency = F(b, 22),
            ApparentPower = F(b, 24),
            ReactivePower = F(b, 26),
            PowerFactorPercent = F(b, 28),
            Energy = F(b, 30),
            DcCurrent = F(b, 32),
            DcVoltage = F(b, 34),
            DcPower = F(b, 36),
            Temperature = (F(b, 38), F(b, 40), F(b, 42), F(b, 44)),
            State = SunSpecValues.ReadUInt16(b, 46),
            VendorState = SunSpecValues.ReadUInt16(b, 47),
            Events = SunSpecValues.ReadUInt32(b, 48),
            VendorEvents = SunSpecValues.ReadUInt32(b, 52),
        };
    }

    private static double? U(ReadOnlySpan<ushort> b, int at, int? sf) => SunSpecValues.Scale(SunSpecValues.ReadUInt16(b, at), sf);

    private static double? S(ReadOnlySpan<ushort> b, int at, int? sf) => SunSpecValues.Scale(SunSpecValues.ReadInt16(b, at), sf);

    private static double? F(ReadOnlySpan<ushort> b, int at) => SunSpecValues.ReadFloat32(b, at);

    /// <summary>Checks ID and declared length and returns the body (after ID and L).</summary>
    private static SunSpecDecodeStatus Check(ReadOnlySpan<ushort> block, Func<ushort, bool> accepts, int needed, out ReadOnlySpan<ushort> body)
    {
        body = default;
        if (block.Length < 2)
        {
            return SunSpecDecodeStatus.TooShort;
        }

        if (!accepts(block[0]))
        {
            return SunSpecDecodeStatus.WrongModel;
        }

        if (block[1] < needed || block.Length < 2 + needed)
        {
            return SunSpecDecodeStatus.TooShort;
        }

        body = block.Slice(2, needed);
        return SunSpecDecodeStatus.Ok;
    }
}
