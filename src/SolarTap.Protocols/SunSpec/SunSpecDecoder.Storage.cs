namespace SolarTap.Protocols.SunSpec;

/// <summary>Storage controls (124) decoder.</summary>
public static partial class SunSpecDecoder
{
    /// <summary>Body registers model 124 needs (WChaMax .. InOutWRte_SF).</summary>
    public const int StorageLength = 24;

    /// <summary>Decodes model 124, basic storage controls.</summary>
    /// <remarks>
    /// <code>
    /// body  0 WChaMax 1 WChaGra 2 WDisChaGra 3 StorCtl_Mod 4 VAChaMax 5 MinRsvPct 6 ChaState 7 StorAval 8 InBatV
    ///       9 ChaSt 10 OutWRte (int16) 11 InWRte (int16) 12 InOutWRte_WinTms 13 _RvrtTms 14 _RmpTms 15 ChaGriSet
    ///      16 WChaMax_SF 17 WChaDisChaGra_SF 18 VAChaMax_SF 19 MinRsvPct_SF 20 ChaState_SF 21 StorAval_SF
    ///      22 InBatV_SF 23 InOutWRte_SF                                               all uint16 unless marked
    /// </code>
    /// </remarks>
    public static SunSpecDecodeStatus TryDecodeStorage(ReadOnlySpan<ushort> block, out SunSpecStorage? storage)
    {
        storage = null;
        SunSpecDecodeStatus status = Check(block, id => id == SunSpecModelIds.Storage, StorageLength, out ReadOnlySpan<ushort> b);
        if (status != SunSpecDecodeStatus.Ok)
        {
            return status;
        }

        int? rateSf = SunSpecValues.ReadScaleFactor(b, 23);
        storage = new SunSpecStorage
        {
            MaxChargePower = U(b, 0, SunSpecValues.ReadScaleFactor(b, 16)),
            ControlMode = SunSpecValues.ReadUInt16(b, 3),
            MinimumReserve = U(b, 5, SunSpecValues.ReadScaleFactor(b, 19)),
            StateOfCharge = U(b, 6, SunSpecValues.ReadScaleFactor(b, 20)),
            AvailableAmpHours = U(b, 7, SunSpecValues.ReadScaleFactor(b, 21)),
            BatteryVoltage = U(b, 8, SunSpecValues.ReadScaleFactor(b, 22)),
            ChargeStatus = SunSpecValues.ReadUInt16(b, 9),
            DischargeRatePercent = S(b, 10, rateSf),
            ChargeRatePercent = S(b, 11, rateSf),
            GridCharging = SunSpecValues.ReadUInt16(b, 15),
        };
        return SunSpecDecodeStatus.Ok;
    }
}
