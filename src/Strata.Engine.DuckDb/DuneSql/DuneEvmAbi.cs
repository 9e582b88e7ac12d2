using System.Globalization;
using System.Text;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>The kinds of the Solidity ABI's types (docs.soliditylang.org, "Contract ABI Specification", Types).</summary>
internal enum AbiKind : byte { Uint, Int, Address, Bool, FixedBytes, Bytes, String, Array, FixedArray, Tuple }

/// <summary>
/// One ABI type: <see cref="Size"/> is the bits of an integer, the bytes of a <c>bytesN</c>, the length of a <c>T[k]</c>.
/// Parsed from the canonical spelling the ABI specification uses for signatures (<c>uint256</c>, <c>bytes3[2]</c>,
/// <c>(uint256,string)[]</c>), which is also what the translator hands the native decoder, so both read one grammar.
/// </summary>
internal sealed class AbiType
{
    /// <summary>The deepest nesting of arrays and tuples accepted (the decoder recurses once per level).</summary>
    public const int MaxDepth = 16;

    /// <summary>The largest <c>T[k]</c> and the largest static size in bytes: a static value is read in place, so its size
    /// is data the row must hold; these keep the bound of a type well below any arithmetic overflow.</summary>
    public const int MaxFixedLength = 1 << 16, MaxStaticBytes = 1 << 24;

    /// <summary>The most components of a tuple or parameters of an event or function.</summary>
    public const int MaxComponents = 1024;

    private AbiType(AbiKind kind, int size, AbiType? element, IReadOnlyList<AbiType> components)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Components = components;
        IsDynamic = kind is AbiKind.Bytes or AbiKind.String or AbiKind.Array
            || kind == AbiKind.FixedArray && element!.IsDynamic
            || kind == AbiKind.Tuple && components.Any(c => c.IsDynamic);
        long bytes = kind switch
        {
            _ when IsDynamic => 32,
            AbiKind.FixedArray => (long)size * element!.HeadBytes,
            AbiKind.Tuple => components.Sum(c => (long)c.HeadBytes),
            _ => 32,
        };
        if (bytes > MaxStaticBytes)
        {
            throw new FormatException($"the type's static size, {bytes} bytes, is over the limit of {MaxStaticBytes}");
        }
        HeadBytes = (int)bytes;
        Depth = kind switch
        {
            AbiKind.Array or AbiKind.FixedArray => element!.Depth + 1,
            AbiKind.Tuple => components.Max(c => c.Depth) + 1,
            _ => 0,
        };
        if (Depth > MaxDepth)
        {
            throw new FormatException($"the type nests arrays and tuples more than {MaxDepth} deep");
        }
    }

    public AbiKind Kind { get; }

    public int Size { get; }

    public AbiType? Element { get; }

    public IReadOnlyList<AbiType> Components { get; }

    public bool IsDynamic { get; }

    /// <summary>The bytes the type takes in its enclosing head: 32 (an offset) when dynamic, its static size otherwise.</summary>
    public int HeadBytes { get; }

    public int Depth { get; }

    public static AbiType Tuple(IReadOnlyList<AbiType> components) =>
        components.Count is 0 or > MaxComponents
            ? throw new FormatException(components.Count == 0 ? "a tuple has no components" : $"a tuple has more than {MaxComponents} components")
            : new(AbiKind.Tuple, 0, null, components);

    /// <summary>The elementary type named <paramref name="name"/> (no brackets, not a tuple), or a FormatException naming it.</summary>
    public static AbiType Elementary(string name)
    {
        if (name is "address")
        {
            return new(AbiKind.Address, 20, null, []);
        }
        if (name is "bool")
        {
            return new(AbiKind.Bool, 1, null, []);
        }
        if (name is "string")
        {
            return new(AbiKind.String, 0, null, []);
        }
        if (name is "bytes")
        {
            return new(AbiKind.Bytes, 0, null, []);
        }
        if (name is "function")
        {
            return new(AbiKind.FixedBytes, 24, null, []); // an address and a selector, as bytes24
        }
        if (name is "uint" or "int")
        {
            return new(name is "uint" ? AbiKind.Uint : AbiKind.Int, 256, null, []); // the specification's synonyms
        }
        foreach (var (prefix, kind, min, max, step) in new[] { ("uint", AbiKind.Uint, 8, 256, 8), ("int", AbiKind.Int, 8, 256, 8), ("bytes", AbiKind.FixedBytes, 1, 32, 1) })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length && name.Length <= prefix.Length + 3
                && name[prefix.Length] != '0' && name.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0
                && int.Parse(name.AsSpan(prefix.Length), CultureInfo.InvariantCulture) is int n && n >= min && n <= max && n % step == 0)
            {
                return new(kind, n, null, []);
            }
        }
        throw new FormatException($"unknown ABI type '{name}'");
    }

    /// <summary>Applies the array suffixes of <paramref name="suffixes"/> (<c>[2][]</c>, read left to right: <c>T[2][]</c> is
    /// a dynamic array of <c>T[2]</c>).</summary>
    public static AbiType WithSuffixes(AbiType type, string suffixes)
    {
        int i = 0;
        while (i < suffixes.Length)
        {
            int close = suffixes.IndexOf(']', i);
            if (suffixes[i] != '[' || close < 0)
            {
                throw new FormatException($"a malformed array suffix '{suffixes}'");
            }
            string length = suffixes[(i + 1)..close];
            if (length.Length == 0)
            {
                type = new(AbiKind.Array, 0, type, []);
            }
            else if (length.Length <= 6 && length[0] != '0' && length.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
                && int.Parse(length, CultureInfo.InvariantCulture) is int k && k <= MaxFixedLength)
            {
                type = new(AbiKind.FixedArray, k, type, []);
            }
            else
            {
                throw new FormatException($"a fixed array length must be 1 to {MaxFixedLength}, not '{length}'");
            }
            i = close + 1;
        }
        return type;
    }

    /// <summary>Parses a canonical spelling (<c>(uint256,bytes)[2]</c>); a FormatException names what is wrong.</summary>
    public static AbiType Parse(string text)
    {
        int at = 0;
        var type = Parse(text, ref at, 0);
        return at == text.Length ? type : throw new FormatException($"unexpected text after the type in '{text}'");
    }

    private static AbiType Parse(string text, ref int at, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException($"the type nests arrays and tuples more than {MaxDepth} deep");
        }
        AbiType type;
        if (at < text.Length && text[at] == '(')
        {
            var components = new List<AbiType>();
            at++;
            while (true)
            {
                components.Add(Parse(text, ref at, depth + 1));
                if (components.Count > MaxComponents)
                {
                    throw new FormatException($"a tuple has more than {MaxComponents} components");
                }
                if (at < text.Length && text[at] == ',')
                {
                    at++;
                    continue;
                }
                if (at < text.Length && text[at] == ')')
                {
                    at++;
                    break;
                }
                throw new FormatException($"an unclosed tuple in '{text}'");
            }
            type = Tuple(components);
        }
        else
        {
            int start = at;
            while (at < text.Length && text[at] is not ('[' or ',' or ')'))
            {
                at++;
            }
            type = Elementary(text[start..at]);
        }
        int suffixStart = at;
        while (at < text.Length && text[at] == '[')
        {
            int close = text.IndexOf(']', at);
            at = close < 0 ? text.Length : close + 1;
        }
        return WithSuffixes(type, text[suffixStart..at]);
    }

    /// <summary>The canonical spelling, which <see cref="Parse(string)"/> reads back.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text);
        return text.ToString();
    }

    private void Write(StringBuilder text)
    {
        switch (Kind)
        {
            case AbiKind.Uint or AbiKind.Int:
                text.Append(Kind == AbiKind.Uint ? "uint" : "int").Append(Size);
                break;
            case AbiKind.FixedBytes:
                text.Append("bytes").Append(Size);
                break;
            case AbiKind.Array or AbiKind.FixedArray:
                Element!.Write(text);
                text.Append('[').Append(Kind == AbiKind.FixedArray ? Size.ToString(CultureInfo.InvariantCulture) : "").Append(']');
                break;
            case AbiKind.Tuple:
                text.Append('(');
                for (int c = 0; c < Components.Count; c++)
                {
                    (c == 0 ? text : text.Append(',')).Append(Components[c]);
                }
                text.Append(')');
                break;
            default:
                text.Append(Kind switch { AbiKind.Address => "address", AbiKind.Bool => "bool", AbiKind.Bytes => "bytes", _ => "string" });
                break;
        }
    }
}
