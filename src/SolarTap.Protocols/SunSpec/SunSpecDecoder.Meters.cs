namespace SolarTap.Protocols.SunSpec;

/// <summary>Meter (201–204) and battery (802) decoders.</summary>
public static partial class SunSpecDecoder
{
    /// <summary>Decodes a meter model, 201–204 (one layout for all four; unused phases read as not implemented).</summary>
    /// <remarks>
    /// <code>
    /// body  0 A 1 AphA 2 AphB 3 AphC 4 A_SF | 5 PhV 6 PhVphA 7 B 8 C | 9 PPV 10 PPVphAB 11 BC 12 CA | 13 V_SF
    ///      14 Hz 15 Hz_SF | 16 W 17 WphA 18 B 19 C 20 W_SF | 21 VA 22-24 VAphA..C 25 VA_SF | 26 VAR 27-29 30 VAR_SF
    ///      31 PF 32-34 35 PF_SF | 36-37 TotWhExp 38-43 per phase | 44-45 TotWhImp 46-51 per phase | 52 TotWh_SF
    ///      53-70 apparent energies | 71-104 reactive energies | 105-106 Evt (bitfield32)       all int16 / acc32
    /// </code>
    /// </remarks>
    public static SunSpecDecodeStatus TryDecodeMeter(ReadOnlySpan<ushort> block, out SunSpecMeter? meter)
    {
        meter = null;
        SunSpecDecodeStatus status = Check(block, SunSpecModelIds.IsMeter, MeterLength, out ReadOnlySpan<ushort> b);
        if (status != SunSpecDecodeStatus.Ok)
        {
            return status;
        }

        // Evt (offsets 105–106) follows the 105 registers the length check covers when L is 105 + 2.
        uint? events = block.Length >= 2 + 107 && block[1] >= 107 ? SunSpecValues.ReadUInt32(block[2..], 105) : null;
        int? vSf = SunSpecValues.ReadScaleFactor(b, 13), whSf = SunSpecValues.ReadScaleFactor(b, 52);
        meter = new SunSpecMeter
        {
            ModelId = block[0],
            Current = Four(b, 0, SunSpecValues.ReadScaleFactor(b, 4)),
            PhaseVoltage = Four(b, 5, vSf),
            LineVoltage = Four(b, 9, vSf),
            Frequency = SunSpecValues.Scale(SunSpecValues.ReadInt16(b, 14), SunSpecValues.ReadScaleFactor(b, 15)),
            Power = Four(b, 16, SunSpecValues.ReadScaleFactor(b, 20)),
            ApparentPower = Four(b, 21, SunSpecValues.ReadScaleFactor(b, 25)),
            ReactivePower = Four(b, 26, SunSpecValues.ReadScaleFactor(b, 30)),
            PowerFactorPercent = Four(b, 31, SunSpecValues.ReadScaleFactor(b, 35)),
            EnergyExported = Energies(b, 36, whSf),
            EnergyImported = Energies(b, 44, whSf),
            Events = events,
        };
        return SunSpecDecodeStatus.Ok;
    }

    /// <summary>Decodes model 802, the battery base model.</summary>
    /// <remarks>
    /// <code>
    /// body  0 AHRtg 1 WHRtg 2 WChaRteMax 3 WDisChaRteMax 4 DisChaRte 5 SoCMax 6 SoCMin 7 SoCRsvMax 8 SoCRsvMin
    ///       9 SoC 10 DoD 11 SoH 12-13 NCyc 14 ChaSt 15 LocRemCtl 16 Hb 17 CtrlHb 18 AlmRst 19 Typ 20 State
    ///      21 StateVnd 22-23 WarrDt 24-25 Evt1 26-27 Evt2 28-31 EvtVnd1-2 | 32 V 33 VMax 34 VMin 35-41 cell voltages
    ///      42 A (int16) 43 AChaMax 44 ADisChaMax 45 W (int16) 46 ReqInvState 47 ReqW 48 SetOp 49 SetInvState
    ///      50 AHRtg_SF 51 WHRtg_SF 52 WChaDisChaMax_SF 53 DisChaRte_SF 54 SoC_SF 55 DoD_SF 56 SoH_SF 57 V_SF
    ///      58 CellV_SF 59 A_SF 60 AMax_SF 61 W_SF
    /// </code>
    /// </remarks>
    public static SunSpecDecodeStatus TryDecodeBattery(ReadOnlySpan<ushort> block, out SunSpecBattery? battery)
    {
        battery = null;
        SunSpecDecodeStatus status = Check(block, id => id == SunSpecModelIds.Battery, BatteryLength, out ReadOnlySpan<ushort> b);
        if (status != SunSpecDecodeStatus.Ok)
        {
            return status;
        }

        int? socSf = SunSpecValues.ReadScaleFactor(b, 54);
        battery = new SunSpecBattery
        {
            RatedAmpHours = SunSpecValues.Scale(SunSpecValues.ReadUInt16(b, 0), SunSpecValues.ReadScaleFactor(b, 50)),
            RatedEnergy = SunSpecValues.Scale(SunSpecValues.ReadUInt16(b, 1), SunSpecValues.ReadScaleFactor(b, 51)),
            StateOfCharge = SunSpecValues.Scale(SunSpecValues.ReadUInt16(b, 9), socSf),
            StateOfHealth = SunSpecValues.Scale(SunSpecValues.ReadUInt16(b, 11), SunSpecValues.ReadScaleFactor(b, 56)),
            ChargeStatus = SunSpecValues.ReadUInt16(b, 14),
            State = SunSpecValues.ReadUInt16(b, 20),
            Events = SunSpecValues.ReadUInt32(b, 24),
            Voltage = SunSpecValues.Scale(SunSpecValues.ReadUInt16(b, 32), SunSpecValues.ReadScaleFactor(b, 57)),
            Current = SunSpecValues.Scale(SunSpecValues.ReadInt16(b, 42), SunSpecValues.ReadScaleFactor(b, 59)),
            Power = SunSpecValues.Scale(SunSpecValues.ReadInt16(b, 45), SunSpecValues.ReadScaleFactor(b, 61)),
        };
        return SunSpecDecodeStatus.Ok;
    }

    private static (double?, double?, double?, double?) Four(ReadOnlySpan<ushort> b, int at, int? sf) => (
        SunSpecValues.Scale(SunSpecValues.ReadInt16(b, at), sf),
        SunSpecValues.Scale(SunSpecValues.ReadInt16(b, at + 1), sf),
        SunSpecValues.Scale(SunSpecValues.ReadInt16(b, at + 2), sf),
        SunSpecValues.Scale(SunSpecValues.ReadInt16(b, at + 3), sf));

    private static (double?, double?, double?, double?) Energies(ReadOnlySpan<ushort> b, int at, int? sf) => (
        SunSpecValues.Scale(SunSpecValues.ReadAcc32(b, at), sf),
        SunSpecValues.Scale(SunSpecValues.ReadAcc32(b, at + 2), sf),
        SunSpecValues.Scale(SunSpecValues.ReadAcc32(b, at + 4), sf),
        SunSpecValues.Scale(SunSpecValues.ReadAcc32(b, at + 6), sf));
}
