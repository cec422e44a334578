namespace SolarTap.Supervisor.Configuration;

/// <summary>Checks of the <c>rs485</c> section that need more than one value.</summary>
internal static class Rs485Validation
{
    public static void Validate(Rs485Options r, ConfigErrors errors)
    {
        if (!r.Enabled || errors.Failed("rs485"))
        {
            return;
        }

        if (r.Mode == Rs485Mode.Master && r.Slaves.Count == 0)
        {
            string key = errors.IsPresent("rs485.slaves") ? "rs485.slaves" : "rs485.port";
            errors.Add(errors.LineOf(key), key, "expected rs485.slaves to list at least one inverter ID in master mode (or rs485.mode: sniff)");
        }

        if (r.GrantTimeout < r.ResponseTimeout)
        {
            errors.Add(errors.LineOf("rs485.grant_timeout"), "rs485.grant_timeout", "expected rs485.grant_timeout to be at least rs485.response_timeout");
        }

        if (r.Slaves.Distinct().Count() != r.Slaves.Count)
        {
            errors.Add(errors.LineOf("rs485.slaves"), "rs485.slaves", "expected each inverter ID once");
        }
    }
}
