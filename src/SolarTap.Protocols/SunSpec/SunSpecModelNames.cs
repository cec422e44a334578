namespace SolarTap.Protocols.SunSpec;

/// <summary>Short names of SunSpec model ids for people (from the public SunSpec model definitions), decoded or not.</summary>
public static class SunSpecModelNames
{
    /// <summary>The name of model <paramref name="id"/>, such as "three-phase inverter"; a generic name for unknown ids.</summary>
    public static string Describe(ushort id) => id switch
    {
        1 => "common",
        2 => "aggregator",
        10 or 11 or 12 or 13 or 14 => "communication interface",
        101 => "single-phase inverter",
        102 => "split-phase inverter",
        103 => "three-phase inverter",
        111 => "single-phase inverter, float",
        112 => "split-phase inverter, float",
        113 => "three-phase inverter, float",
        120 => "inverter nameplate",
        121 => "inverter basic settings",
        122 => "inverter measurements and status",
        123 => "inverter immediate controls",
        124 => "storage controls",
        125 => "pricing",
        126 or 127 or 128 or 129 or 130 or 131 or 132 or 133 or 134 or 135 or 136 or 137 or 138 or 139 or 140 or 141 or 142 or 143 or 144 or 145 =>
            "inverter grid-support curve or settings",
        160 => "multiple MPPT inverter extension",
        201 => "single-phase meter",
        202 => "split-phase meter",
        203 => "three-phase meter, wye",
        204 => "three-phase meter, delta",
        211 or 212 or 213 or 214 => "meter, float",
        220 => "secure AC meter selected readings",
        302 or 303 or 304 or 305 or 306 or 307 or 308 => "environmental sensor",
        401 or 402 or 403 or 404 => "string combiner",
        501 or 502 => "solar module",
        601 => "tracker controller",
        701 or 702 or 703 or 704 or 705 or 706 or 707 or 708 or 709 or 710 or 711 or 712 or 713 or 714 or 715 or 716 => "DER (IEEE 1547)",
        801 => "energy storage (deprecated)",
        802 => "battery base",
        803 => "lithium-ion battery bank",
        804 => "lithium-ion battery string",
        805 => "lithium-ion battery module",
        >= 64000 and < 0xFFFF => "vendor-specific",
        SunSpecModelIds.End => "end marker",
        _ => "not known to SolarTap",
    };
}
