using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>A query result's Parquet copy written as a table part (a materialized view's), its text values typed again.</summary>
public sealed partial class DuckDbTableLoader
{
    /// <summary>
    /// The select over a result's Parquet copy giving each column as its table type stores it. Numbers the result file
    /// keeps as text (decimals, 256-bit integers) are cast to their stored type; arrays, maps and rows are read from
    /// their JSON text (<see cref="NestedValues"/>); other types are copied as they are (a timestamp cast could meet
    /// the session's time zone).
    /// </summary>
    internal static string ResultSelect(string resultFile, IReadOnlyList<UploadColumn> columns)
    {
        var select = columns.Select(c =>
        {
            string name = SqlQuoting.QuoteIdentifier(c.Name);
            if (c.Type.Structure is { } nested)
            {
                return $"{NestedValues.FromJson(nested, name)} AS {name}";
            }
            return c.Type.Kind is UploadTypeKind.Decimal or UploadTypeKind.Integer or UploadTypeKind.Uint256 or UploadTypeKind.Int256
                ? $"CAST({name} AS {StoredType(c.Type)}) AS {name}"
                : name;
        });
        return $"SELECT {string.Join(", ", select)} FROM read_parquet([{SqlQuoting.QuoteString(resultFile)}])";
    }

    /// <summary>
    /// Arrays, maps and rows of <see cref="NestedType"/>'s forms as DuckDB types, and read back from the JSON text results
    /// keep them as (decision 89: varbinary as <c>"0x…"</c>, timestamps as <c>"… UTC"</c>, map keys as their text, named
    /// rows as objects). The text is parsed strictly (<c>json_transform_strict</c>) into a carrier type (varbinary and map
    /// keys as varchar), whose values are then converted: a value that does not convert fails the write, never a NULL.
    /// </summary>
    internal static class NestedValues
    {
        /// <summary>The DuckDB type a column of this type is stored and read as.</summary>
        public static string DuckType(NestedType type) => Type(type, carrier: false);

        /// <summary>The expression reading the JSON text <paramref name="column"/> as a value of <paramref name="type"/>.</summary>
        public static string FromJson(NestedType type, string column)
        {
            string structure = JsonSerializer.Serialize(Type(type, carrier: true));
            string parsed = $"json_transform_strict({column}, {SqlQuoting.QuoteString(structure)})";
            return $"CAST({Convert(type, parsed, 0) ?? parsed} AS {DuckType(type)})";
        }

        private static string Type(NestedType type, bool carrier) => type.Form switch
        {
            NestedForm.Array => Type(type.Children[0], carrier) + "[]",
            NestedForm.Map => $"MAP({(carrier ? "VARCHAR" : Type(type.Children[0], false))}, {Type(type.Children[1], carrier)})",
            NestedForm.Row => "STRUCT(" + string.Join(", ", type.FieldNames.Select((f, i) => $"{SqlQuoting.QuoteIdentifier(f)} {Type(type.Children[i], carrier)}")) + ")",
            _ => Leaf(type.Leaf!, carrier),
        };

        private static string Leaf(string leaf, bool carrier) => leaf switch
        {
            // A narrow decimal is a JSON number, read as the double that gives it back exactly (precision up to 15); a wide
            // one is a string of its exact digits (NestedType); either is then cast to the decimal.
            _ when DecimalOf(leaf) is { } d => !carrier
                ? $"DECIMAL({d.Precision.ToString(CultureInfo.InvariantCulture)},{d.Scale.ToString(CultureInfo.InvariantCulture)})"
                : d.Precision <= 15 ? "DOUBLE" : "VARCHAR",
            "boolean" => "BOOLEAN",
            "tinyint" => "TINYINT",
            "smallint" => "SMALLINT",
            "integer" => "INTEGER",
            "bigint" => "BIGINT",
            "real" => "FLOAT",
            "double" => "DOUBLE",
            "varchar" => "VARCHAR",
            "varbinary" => carrier ? "VARCHAR" : "BLOB",
            "date" => "DATE",
            "timestamp(3)" => "TIMESTAMP",
            _ => throw new ArgumentOutOfRangeException(nameof(leaf), leaf, "not a nested table type's leaf"),
        };

        /// <summary>The conversion of a carrier value <paramref name="expr"/> to the type's value; null where it is the value already.</summary>
        private static string? Convert(NestedType type, string expr, int depth)
        {
            string variable = "_strata_n" + depth.ToString(CultureInfo.InvariantCulture);
            switch (type.Form)
            {
                case NestedForm.Array:
                {
                    string? element = Convert(type.Children[0], variable, depth + 1);
                    return element is null ? null : $"list_transform({expr}, {variable} -> {element})";
                }
                case NestedForm.Map:
                {
                    string? key = KeyFromText(type.Children[0].Leaf!, $"{variable}.key");
                    string? value = Convert(type.Children[1], $"{variable}.value", depth + 1);
                    if (key is null && value is null)
                    {
                        return null;
                    }
                    return $"CASE WHEN {expr} IS NULL THEN NULL ELSE map_from_entries(list_transform(map_entries({expr}), {variable} -> "
                        + $"struct_pack(key := {key ?? $"{variable}.key"}, value := {value ?? $"{variable}.value"}))) END";
                }
                case NestedForm.Row:
                {
                    var fields = type.FieldNames.Select((f, i) =>
                    {
                        string field = $"struct_extract({expr}, {SqlQuoting.QuoteString(f)})";
                        return (Name: f, Converted: Convert(type.Children[i], field, depth + 1), Plain: field);
                    }).ToList();
                    if (fields.All(f => f.Converted is null))
                    {
                        return null;
                    }
                    var members = new StringBuilder();
                    foreach (var (name, converted, plain) in fields)
                    {
                        members.Append(members.Length == 0 ? "" : ", ").Append(SqlQuoting.QuoteIdentifier(name)).Append(" := ").Append(converted ?? plain);
                    }
                    return $"CASE WHEN {expr} IS NULL THEN NULL ELSE struct_pack({members}) END";
                }
                default:
                    return type.Leaf == "varbinary" ? Binary(expr)
                        : DecimalOf(type.Leaf!) is not null ? $"CAST({expr} AS {Leaf(type.Leaf!, carrier: false)})"
                        : null;
            }
        }

        /// <summary>A map key from its text (JSON object keys are strings); null where the text is the key.</summary>
        private static string? KeyFromText(string leaf, string expr) => leaf switch
        {
            "varchar" => null,
            "varbinary" => Binary(expr),
            "timestamp(3)" => $"CAST(CASE WHEN ends_with({expr}, ' UTC') THEN left({expr}, -4) ELSE error('not a timestamp: ' || {expr}) END AS TIMESTAMP)",
            _ => $"CAST({expr} AS {Leaf(leaf, carrier: false)})",
        };

        /// <summary>The precision and scale of a <c>decimal(p,s)</c> leaf; null for any other leaf.</summary>
        private static (int Precision, int Scale)? DecimalOf(string leaf)
        {
            if (!leaf.StartsWith("decimal(", StringComparison.Ordinal))
            {
                return null;
            }
            var parts = leaf[8..^1].Split(',');
            return (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        /// <summary><c>0x</c> and hex digits to bytes; any other text fails.</summary>
        private static string Binary(string expr) =>
            $"CASE WHEN {expr} IS NULL THEN NULL WHEN starts_with({expr}, '0x') THEN unhex(substr({expr}, 3)) ELSE error('not a varbinary: ' || {expr}) END";
    }
}
