namespace SolarTap.Fuzz;

/// <summary>
/// One decoder under fuzz. The runner finds every implementation by reflection, so adding a decoder means
/// adding one class in Targets/.
/// </summary>
public interface IFuzzTarget
{
    /// <summary>Short name shown in the report.</summary>
    string Name { get; }

    /// <summary>Real inputs to mutate, usually read from the shared test data.</summary>
    IEnumerable<byte[]> Seeds();

    /// <summary>Feeds <paramref name="input"/> to the decoder. Any exception is a finding.</summary>
    void Run(byte[] input);
}
