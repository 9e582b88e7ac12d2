using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static DuckDB.NET.Native.NativeMethods;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// Trino's refusal of a UNION, INTERSECT or EXCEPT whose branches' columns have no common type ("column 2 in UNION
/// query has incompatible types: integer, varchar"; DuckDB unifies integer with varchar to varchar and boolean with
/// integer to integer, and answered). The translator writes, in one branch's first column,
/// <c>CASE WHEN dune_set_check('UNION,…', typeof((SELECT r FROM (branch) r(c1, …) LIMIT 0)), …) THEN value END</c>
/// (DuneSqlTranslator.SetTypes.cs): DuckDB folds each <c>typeof</c> of a branch's row to its text when it binds, and this
/// function's bind step reads those texts and fails the statement, before any row is read, when a column of a branch has
/// no common type with the same column of the branches before it (Trino's StatementAnalyzer walks them left to right).
/// Its rows are all true, so the CASE is the value. Types are compared by Trino's families: numbers (every integer,
/// decimal, real, double, uint256, int256), varchar, varbinary, boolean, date and timestamps, times, intervals; arrays,
/// maps and rows by their parts; json only with json (Trino coerces no other type to json); NULL goes with anything; a
/// registered zone type is a timestamp with time zone. A type outside these (uuid) is never refused. Branches of different widths fail as Trino's
/// ("UNION query has different number of fields: 2, 1").
/// </summary>
internal static unsafe class DuneSetTypes
{
    public const string Function = "dune_set_check";

    /// <summary>The most branches one check names (the translator checks longer chains not at all).</summary>
    public const int MaxBranches = 64;

    public static bool UsedBy(string translatedSql) => translatedSql.Contains(Function + "(", StringComparison.Ordinal);

    public static void Register(DuckDB.NET.Data.DuckDBConnection connection) => RegisterCheck(connection, Function, 0, &Bind);

    /// <summary>Registers a check that is all bind: <paramref name="name"/>(text, …) → true for every row (<see cref="Rows"/>),
    /// whose <paramref name="bind"/> reads the constant texts and fails the statement. <paramref name="texts"/> fixed text
    /// parameters, or varargs when 0 (this check's; DuneUnnestTypes' takes three).</summary>
    internal static void RegisterCheck(DuckDB.NET.Data.DuckDBConnection connection, string name, int texts, delegate* unmanaged[Cdecl]<IntPtr, void> bind)
    {
        IntPtr con = connection.NativeConnection.DangerousGetHandle();
        IntPtr function = DuneNative.CreateScalar();
        IntPtr text = DuneNative.CreateType(DuneNative.TypeVarchar);
        IntPtr boolean = DuneNative.CreateType((int)DuckDB.NET.Native.DuckDBType.Boolean);
        try
        {
            DuneNative.ScalarName(function, name);
            if (texts == 0)
            {
                DuneNative.ScalarVarargs(function, text);
            }
            for (int i = 0; i < texts; i++)
            {
                DuneNative.ScalarParameter(function, text);
            }
            DuneNative.ScalarReturn(function, boolean);
            DuneNative.ScalarBind(function, bind);
            DuneNative.ScalarBody(function, &Rows);
            if (DuneNative.RegisterScalar(con, function) != 0)
            {
                throw new InvalidOperationException("Could not register " + name + ".");
            }
        }
        finally
        {
            DuneNative.DestroyType(ref boolean);
            DuneNative.DestroyType(ref text);
            DuneNative.DestroyScalar(ref function);
        }
    }

    /// <summary>Trino's error for the branches' row types (DuckDB's type texts, <c>STRUCT(c1 T, …)</c>) joined by the
    /// operators (<c>UNION,INTERSECT</c>: the one before each branch after the first), or null when every branch has the
    /// first one's width and every column a common type. <paramref name="hints"/> names the types DuckDB does not keep,
    /// per branch (<c>;</c>) as <c>column:type</c> joined by <c>|</c> (a string literal's <c>varchar(1)</c>).</summary>
    public static string? Incompatibility(IReadOnlyList<string> operators, IReadOnlyList<string> rows, string hints = "")
    {
        if (rows.Count < 2 || rows.Any(r => !r.StartsWith("STRUCT(", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var columns = rows.Select(r => DuckDbTypes.StructFields(r).Select(f => f.Type).ToList()).ToList();
        var named = hints.Split(';');
        var seen = columns[0].ToList();
        var seenNames = seen.Select((type, column) => DisplayName(type, named[0], column)).ToList();
        for (int branch = 1; branch < columns.Count; branch++)
        {
            string operation = branch - 1 < operators.Count ? operators[branch - 1].ToUpperInvariant() : "UNION";
            if (columns[branch].Count != seen.Count)
            {
                return $"{operation} query has different number of fields: {seen.Count}, {columns[branch].Count}";
            }
            for (int column = 0; column < seen.Count; column++)
            {
                string next = columns[branch][column];
                string nextName = DisplayName(next, branch < named.Length ? named[branch] : "", column);
                if (!Compatible(seen[column], next))
                {
                    return $"column {column + 1} in {operation} query has incompatible types: {seenNames[column]}, {nextName}";
                }
                if (IsNull(seen[column]))
                {
                    seen[column] = next;
                    seenNames[column] = nextName;
                }
                else
                {
                    seenNames[column] = CommonVarcharName(seenNames[column], nextName);
                }
            }
        }
        return null;
    }

    /// <summary>Trino's name of a column's type: the hint for a VARCHAR column that has one, else the type's own name.</summary>
    private static string DisplayName(string type, string hints, int column)
    {
        if (type.Trim().Equals("VARCHAR", StringComparison.OrdinalIgnoreCase))
        {
            string prefix = (column + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":";
            foreach (string hint in hints.Split('|'))
            {
                if (hint.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return hint[prefix.Length..];
                }
            }
        }
        return DuneTypeNames.Name(type);
    }

    /// <summary>The common type of two varchar names as Trino has it (the longer bound; unbounded with an unbounded one);
    /// the first name for any other pair.</summary>
    internal static string CommonVarcharName(string seen, string next)
    {
        static int? Bound(string name) => name == "varchar" ? int.MaxValue
            : name.StartsWith("varchar(", StringComparison.Ordinal) && int.TryParse(name.AsSpan(8, name.Length - 9), out int n) ? n : null;
        return Bound(seen) is int a && Bound(next) is int b ? (Math.Max(a, b) == int.MaxValue ? "varchar" : $"varchar({Math.Max(a, b)})") : seen;
    }

    private static bool IsNull(string type) => type.Trim() is "\"NULL\"" or "NULL";

    /// <summary>Whether Trino has a common super type of two types (by family; see the type's summary).</summary>
    internal static bool Compatible(string a, string b)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (IsNull(a) || IsNull(b))
        {
            return true;
        }
        var (familyA, partsA) = Family(a);
        var (familyB, partsB) = Family(b);
        if (familyA is null || familyB is null)
        {
            return true;
        }
        if (familyA != familyB || partsA.Count != partsB.Count)
        {
            return false;
        }
        for (int k = 0; k < partsA.Count; k++)
        {
            if (!Compatible(partsA[k], partsB[k]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A DuckDB type's Trino family and, for a nested type, its parts' types; a null family for a type never refused.</summary>
    private static (string? Family, List<string> Parts) Family(string type)
    {
        string t = type.Trim();
        string upper = t.ToUpperInvariant();
        if (upper.EndsWith(']'))
        {
            int open = t.LastIndexOf('[');
            return open > 0 ? ("array", [t[..open]]) : (null, []);
        }
        if (upper.StartsWith("STRUCT(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            return ("row", DuckDbTypes.StructFields(t).Select(f => f.Type).ToList());
        }
        if (upper.StartsWith("MAP(", StringComparison.Ordinal) && upper.EndsWith(')'))
        {
            return ("map", DuckDbTypes.SplitTopLevel(t[4..^1]).ToList());
        }
        if (t.StartsWith(DuneZones.Prefix, StringComparison.OrdinalIgnoreCase) || t.Equals(DuneZones.PerValueType, StringComparison.OrdinalIgnoreCase)
            || t.Equals(DuneZones.PerValueNanosType, StringComparison.OrdinalIgnoreCase))
        {
            // A zone's own type (a zone fixed in the text, or a zone per row) is a timestamp with time zone (decision 304).
            return ("timestamp", []);
        }
        if (upper.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            return ("number", []);
        }
        string? family = upper switch
        {
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT"
                or "UHUGEINT" or "FLOAT" or "DOUBLE" or "UINT256" or "INT256" or "BIGNUM" or "VARINT" => "number",
            "VARCHAR" => "varchar",
            "JSON" => "json",
            "BLOB" => "varbinary",
            "BOOLEAN" => "boolean",
            "DATE" or "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "TIMESTAMP WITH TIME ZONE" => "timestamp",
            "TIME" or "TIME WITH TIME ZONE" => "time",
            "INTERVAL" => "interval",
            _ => null,
        };
        return (family, []);
    }

    /// <summary>Every row is true: the check is made when the call binds.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rows(IntPtr info, IntPtr input, IntPtr output)
    {
        try
        {
            ulong rows = DuneNative.ChunkSize(input);
            var result = (byte*)DuneNative.Data(output);
            for (ulong row = 0; row < rows; row++)
            {
                result[row] = 1;
            }
        }
        catch (Exception e)
        {
            DuneNative.ScalarSetError(info, Function + " failed: " + e.GetType().Name);
        }
    }

    /// <summary>Reads the constant arguments (the operators, then each branch's row type) and fails the bind with Trino's
    /// message when a column has no common type. An argument that is not a constant text leaves the call unchecked.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Bind(IntPtr info)
    {
        IntPtr context = IntPtr.Zero;
        try
        {
            DuneNative.BindClientContext(info, out context);
            ulong count = DuneNative.BindArgumentCount(info);
            var texts = new List<string>();
            for (ulong k = 0; k < count; k++)
            {
                if (Constant(info, context, k) is not string value)
                {
                    return;
                }
                texts.Add(value);
            }
            if (texts.Count < 4)
            {
                return;
            }
            if (Incompatibility(texts[0].Split(','), texts.Skip(2).ToList(), texts[1]) is string message)
            {
                DuneNative.BindError(info, message);
            }
        }
        catch (Exception e)
        {
            DuneNative.BindError(info, Function + " failed: " + e.GetType().Name);
        }
        finally
        {
            if (context != IntPtr.Zero)
            {
                DuneNative.DestroyClientContext(ref context);
            }
        }
    }

    /// <summary>The text of the k-th argument when it is a constant, else null.</summary>
    internal static string? Constant(IntPtr info, IntPtr context, ulong k)
    {
        IntPtr expression = DuneNative.BindArgument(info, k);
        IntPtr value = IntPtr.Zero;
        try
        {
            if (!DuneNative.ExpressionFoldable(expression))
            {
                return null;
            }
            IntPtr error = DuneNative.ExpressionFold(context, expression, out value);
            if (error != IntPtr.Zero)
            {
                DuneNative.DestroyErrorData(ref error);
                return null;
            }
            if (value == IntPtr.Zero || DuneNative.ValueIsNull(value))
            {
                return null;
            }
            IntPtr chars = DuneNative.ValueVarchar(value);
            try
            {
                return Marshal.PtrToStringUTF8(chars);
            }
            finally
            {
                DuneNative.Free(chars);
            }
        }
        finally
        {
            if (value != IntPtr.Zero)
            {
                DuneNative.DestroyValue(ref value);
            }
            DuneNative.DestroyExpression(ref expression);
        }
    }
}
