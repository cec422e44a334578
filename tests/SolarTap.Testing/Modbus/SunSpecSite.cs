using SolarTap.Protocols.SunSpec;

namespace SolarTap.Testing.Modbus;

/// <summary>
/// The register images the SunSpec tests use, built point by point from the public SunSpec model definitions
/// (offsets in docs/spec/sunspec.md §3). Every value is chosen so the decoded number is exact; expected readings are
/// listed next to each register.
/// </summary>
public static class SunSpecSite
{
    /// <summary>Serial of the leader inverter (unit 1).</summary>
    public const string LeaderSerial = "7E1A06DB";

    /// <summary>Serial of the meter behind the leader.</summary>
    public const string MeterSerial = "606E2F1A";

    /// <summary>Serial of the follower inverter (unit 2).</summary>
    public const string FollowerSerial = "7E2A0C11";

    /// <summary>Serial of the battery behind the follower.</summary>
    public const string BatterySerial = "BAT0001";

    private const ushort NotImplemented16 = 0x8000; // int16 and sunssf
    private const ushort NotImplementedU16 = 0xFFFF; // uint16, enum16

    /// <summary>Unit 1 at <paramref name="baseAddress"/>: common, three-phase inverter 103, common, wye meter 203.</summary>
    public static SunSpecMap Leader(ushort baseAddress = 40000, bool close = true)
    {
        var map = new SunSpecMap(baseAddress)
            .Add(1, Common("SolarEdge", "SE10K-RWB48", "", "0004.0018.0518", LeaderSerial, 1))
            .Add(103, Inverter103())
            .Add(1, Common("SolarEdge", "WND-3Y-400-MB", "Export+Import", "2.0", MeterSerial, 2))
            .Add(203, Meter203());
        return close ? map.Close() : map;
    }

    /// <summary>Unit 2 at <paramref name="baseAddress"/>: common, float three-phase inverter 113, common, battery 802.</summary>
    public static SunSpecMap Follower(ushort baseAddress = 50000)
    {
        return new SunSpecMap(baseAddress)
            .Add(1, Common("Example Inc", "FL-5000", "", "1.2.3", FollowerSerial, 2))
            .Add(113, Inverter113())
            .Add(1, Common("Example Inc", "PACK-10", "", "7", BatterySerial, 2))
            .Add(802, Battery802())
            .Close();
    }

    /// <summary>Serial of the hybrid inverter whose map holds a storage model (124) rather than a battery of its own.</summary>
    public const string HybridSerial = "HY10-0042";

    /// <summary>A hybrid inverter at <paramref name="baseAddress"/>: common, single-phase inverter 101 (the 103 image), storage 124.</summary>
    public static SunSpecMap Hybrid(ushort baseAddress = 40000)
    {
        return new SunSpecMap(baseAddress)
            .Add(1, Common("Example Hybrid", "HY-10", "", "3.1", HybridSerial, 1))
            .Add(101, Inverter103())
            .Add(124, Storage124())
            .Close();
    }

    /// <summary>Model 124 body (24 registers).</summary>
    public static ushort[] Storage124()
    {
        var r = new ushort[24];
        r[0] = 5000; r[1] = 100; r[2] = 100; r[3] = 0;   // WChaMax 5000 W, gradients, no limits active
        r[4] = NotImplementedU16;                         // VAChaMax not implemented
        r[5] = 100; r[6] = 734; r[7] = 1500; r[8] = 512;  // MinRsvPct 10.0 %, ChaState 73.4 %, StorAval 150.0 Ah, InBatV 51.2 V
        r[9] = 3;                                         // ChaSt discharging
        r[10] = 10000; r[11] = 5000;                      // OutWRte 100.00 %, InWRte 50.00 %
        r[12] = 0; r[13] = 0; r[14] = 0; r[15] = 1;       // windows, ChaGriSet grid
        ushort[] sf = [0, 0, NotImplemented16, unchecked((ushort)-1), unchecked((ushort)-1), unchecked((ushort)-1), unchecked((ushort)-1), unchecked((ushort)-2)];
        sf.CopyTo(r, 16);                                 // WChaMax_SF .. InOutWRte_SF
        return r;
    }

    /// <summary>Model 1 body (66 registers): Mn, Md, Opt, Vr, SN as NUL-padded ASCII, DA, pad.</summary>
    public static ushort[] Common(string manufacturer, string model, string options, string version, string serial, ushort address)
    {
        var r = new ushort[66];
        SunSpecValues.WriteString(r, 0, 16, manufacturer);
        SunSpecValues.WriteString(r, 16, 16, model);
        SunSpecValues.WriteString(r, 32, 8, options);
        SunSpecValues.WriteString(r, 40, 8, version);
        SunSpecValues.WriteString(r, 48, 16, serial);
        r[64] = address;
        r[65] = 0x8000; // pad
        return r;
    }

    /// <summary>Model 103 body (50 registers), values and the reading each gives in the comment.</summary>
    public static ushort[] Inverter103()
    {
        var r = new ushort[50];
        r[0] = 1234; r[1] = 412; r[2] = 411; r[3] = 411; r[4] = unchecked((ushort)-2);  // A 12.34, phases 4.12 4.11 4.11
        r[5] = 4001; r[6] = 4002; r[7] = 3999;                                          // PPV 400.1 400.2 399.9
        r[8] = 2301; r[9] = 2302; r[10] = 2299; r[11] = unchecked((ushort)-1);          // PhV 230.1 230.2 229.9
        r[12] = 2845; r[13] = 0;                                                        // W 2845
        r[14] = 50012; r[15] = unchecked((ushort)-3);                                   // Hz 50.012
        r[16] = 2900; r[17] = 0;                                                        // VA 2900
        r[18] = unchecked((ushort)-120); r[19] = 0;                                     // VAr -120
        r[20] = 9810; r[21] = unchecked((ushort)-2);                                    // PF 98.10 % → 0.981
        SunSpecValues.Write32(r, 22, 12_345_678); r[24] = 0;                            // WH 12 345 678 Wh
        r[25] = NotImplementedU16; r[26] = unchecked((ushort)-2);                       // DCA not implemented
        r[27] = 6502; r[28] = unchecked((ushort)-1);                                    // DCV 650.2
        r[29] = 2910; r[30] = 0;                                                        // DCW 2910
        r[31] = NotImplemented16; r[32] = 4512; r[33] = NotImplemented16; r[34] = NotImplemented16;
        r[35] = unchecked((ushort)-2);                                                  // TmpSnk 45.12, others missing
        r[36] = 4; r[37] = 0;                                                           // St MPPT
        return r;                                                                       // Evt1..EvtVnd4 = 0
    }

    /// <summary>Model 113 body (60 registers): float32 points, NaN where not implemented.</summary>
    public static ushort[] Inverter113()
    {
        var r = new ushort[60];
        float[] points =
        [
            15.5f, 5.25f, 5f, 5.25f,          // A, AphA..C
            float.NaN, float.NaN, float.NaN,  // PPVphAB..CA not implemented
            231.5f, 230.25f, 229.75f,         // PhVphA..C
            3500.5f, 49.75f, 3550f, float.NaN, // W, Hz, VA, VAr (missing)
            99.5f, 98765f,                    // PF 99.5 % → 0.995, WH
            9.25f, 380.5f, 3600f,             // DCA, DCV, DCW
            38.5f, float.NaN, float.NaN, float.NaN, // TmpCab, others missing
        ];
        for (int i = 0; i < points.Length; i++)
        {
            SunSpecValues.WriteFloat(r, 2 * i, points[i]);
        }

        r[46] = 5;                  // St throttled
        r[47] = NotImplementedU16;  // StVnd
        return r;                   // Evt1 = 0
    }

    /// <summary>Model 203 body (105 registers, L = 105: Evt falls outside as in the model's 105-register length).</summary>
    public static ushort[] Meter203()
    {
        var r = new ushort[105];
        Put(r, 0, 1050, 350, 360, 340); r[4] = unchecked((ushort)-2);   // A 10.50, 3.50 3.60 3.40
        Put(r, 5, 2300, 2301, 2299, 2300);                              // PhV 230.0, 230.1 229.9 230.0
        Put(r, 9, 3984, 3985, 3983, 3984); r[13] = unchecked((ushort)-1); // PPV 398.4, 398.5 398.3 398.4
        r[14] = 5001; r[15] = unchecked((ushort)-2);                    // Hz 50.01
        Put(r, 16, -1500, -500, -520, -480); r[20] = 0;                 // W -1500, per phase
        Put(r, 21, 1600, 530, 540, 530); r[25] = 0;                     // VA
        Put(r, 26, 200, 60, 70, 70); r[30] = 0;                         // VAR
        Put(r, 31, -9400, -9400, -9600, -9200); r[35] = unchecked((ushort)-2); // PF -0.94, -0.94 -0.96 -0.92
        SunSpecValues.Write32(r, 36, 5_000_000);                        // TotWhExp 5 000 000 Wh; phases 0 = not accumulated
        SunSpecValues.Write32(r, 44, 3_210_000);                        // TotWhImp 3 210 000 Wh
        r[52] = 0;                                                      // TotWh_SF
        r[70] = NotImplemented16;                                       // TotVAh_SF
        r[104] = NotImplemented16;                                      // TotVArh_SF
        return r;
    }

    /// <summary>Model 802 body (62 registers).</summary>
    public static ushort[] Battery802()
    {
        var r = new ushort[62];
        Array.Fill(r, NotImplementedU16, 0, 50);
        r[0] = 200; r[1] = 9700;                         // AHRtg 200 Ah, WHRtg 9700 Wh
        r[9] = 655; r[11] = 98;                          // SoC 65.5 %, SoH 98 %
        r[14] = 4; r[15] = 1; r[18] = 0; r[19] = 4;      // ChaSt charging, local, no alarm reset, Li-ion
        r[20] = 3;                                       // State connected
        SunSpecValues.Write32(r, 24, 0);                 // Evt1 none
        SunSpecValues.Write32(r, 26, 0);
        r[32] = 4012;                                    // V 401.2
        r[42] = unchecked((ushort)-523);                 // A -5.23
        r[45] = unchecked((ushort)-2100);                // W -2100
        r[48] = 1; r[49] = 3;
        ushort[] sf = [0, 0, 0, NotImplemented16, unchecked((ushort)-1), NotImplemented16, 0, unchecked((ushort)-1), unchecked((ushort)-3), unchecked((ushort)-2), 0, 0];
        sf.CopyTo(r, 50);                                // AHRtg_SF .. W_SF
        return r;
    }

    private static void Put(ushort[] r, int at, params int[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            r[at + i] = unchecked((ushort)values[i]);
        }
    }
}
