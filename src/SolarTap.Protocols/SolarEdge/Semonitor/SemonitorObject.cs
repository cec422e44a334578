using System.Globalization;
using System.Text;

namespace SolarTap.Protocols.SolarEdge.Semonitor;

/// <summary>
/// A JSON object as semonitor builds it: a dict whose keys are written sorted (Python sorts str keys by code
/// point: ordinal order). Values are <see cref="long"/> (Python int), <see cref="double"/> (Python float),
/// <see cref="string"/> or a nested <see cref="SemonitorObject"/>.
/// </summary>
internal sealed class SemonitorObject
{
    private readonly SortedDictionary<string, object> _items = new(StringComparer.Ordinal);

    public object this[string key]
    {
        get => _items[key];
        set => _items[key] = value;
    }

    public int Count => _items.Count;

    public SemonitorObject Child(string key)
    {
        if (_items.TryGetValue(key, out object? existing) && existing is SemonitorObject child)
        {
            return child;
        }

        child = new SemonitorObject();
        _items[key] = child;
        return child;
    }

    /// <summary>Recursive update: nested objects merge, anything else is overwritten by <paramref name="other"/>.</summary>
    public void Merge(SemonitorObject other)
    {
        foreach ((string key, object value) in other._items)
        {
            if (value is SemonitorObject nested && _items.TryGetValue(key, out object? mine) && mine is SemonitorObject target)
            {
                target.Merge(nested);
            }
            else
            {
                _items[key] = value;
            }
        }
    }

    /// <summary>Writes the object as <c>json.dumps(sort_keys=True)</c> does, with ", " and ": " separators.</summary>
    public void WriteTo(StringBuilder output)
    {
        output.Append('{');
        bool first = true;
        foreach ((string key, object value) in _items)
        {
            if (!first)
            {
                output.Append(", ");
            }

            first = false;
            PythonRepr.AppendString(output, key);
            output.Append(": ");
            switch (value)
            {
                case SemonitorObject nested:
                    nested.WriteTo(output);
                    break;
                case double number:
                    PythonRepr.Append(output, number);
                    break;
                case long integer:
                    output.Append(integer.ToString(CultureInfo.InvariantCulture));
                    break;
                case string text:
                    PythonRepr.AppendString(output, text);
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected value type {value.GetType()}.");
            }
        }

        output.Append('}');
    }
}
