namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The one way the translator reads a field of a lambda's parameter: by subscript, <c>p['field']</c>. DuckDB (1.5.6) binds
/// a dotted field of a lambda parameter (<c>p.field</c>) inside HAVING as a column of the grouped query, so a template that
/// reads its evaluated-once arguments through <c>p.field</c> failed over an aggregate there ("column field must appear in
/// the GROUP BY clause or be used in an aggregate function"); the subscript is the same struct_extract (a field's name is
/// matched without regard to case, as the dot) and binds in every clause (decisions 333, 337). A subscript of a subscript
/// (<c>p['a'].b</c>, <c>s[1].k</c>) already binds, so only the parameter's own field needs this form. The user's own
/// <c>r -> r.v</c> is written <c>struct_extract(r, 'v')</c>, which refuses a parameter that is no row as a struct_extract
/// of another type (DuneSqlTranslator.LambdaFields.cs, decision 342); a template's parameter is a row it built.
/// </summary>
internal static class LambdaField
{
    /// <summary><c>parameter['field']</c>; a quote in the field's name doubled.</summary>
    internal static string Of(string parameter, string field) => parameter + "['" + field.Replace("'", "''", StringComparison.Ordinal) + "']";
}
