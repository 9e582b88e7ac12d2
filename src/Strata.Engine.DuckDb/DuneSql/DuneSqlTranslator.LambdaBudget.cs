using System.Globalization;

namespace Strata.Engine.DuckDb.DuneSql;

/// <summary>
/// The bound on what a lambda over a list builds into one answer (decision 368, <see cref="DuneLambdaBudget"/>): each
/// element's value of <c>transform</c>, <c>zip_with</c>, <c>transform_values</c> and <c>transform_keys</c> is passed
/// through a one-element lambda whose CASE calls <c>dune_lambda_budget</c> with the value, its index in its list and the
/// nesting depth of guarded lambdas, so the value is computed once and the answer is refused while it is being built.
/// </summary>
public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>How many guarded lambdas enclose the one being written.</summary>
        private int lambdaBudgetDepth;

        /// <summary>The element lambda's parameters (the user's, then the index) and <paramref name="element"/> (the
        /// element's value) passed through the budget, at the current depth. The index rides beside the value in the
        /// one-element list: the inner lambda captures nothing (DuckDB does not bind a capture of the outer lambda's
        /// parameter in a table function's argument when the element reads no parameter).</summary>
        private string BudgetedLambda(string parameter, string element)
        {
            string d = lambdaBudgetDepth.ToString(CultureInfo.InvariantCulture);
            string value = LambdaField.Of("_strata_lv" + d, "v");
            return $"({parameter}, _strata_li{d}) -> list_transform([{{'v': {element}, 'i': _strata_li{d}}}], _strata_lv{d} -> CASE WHEN "
                + $"{DuneLambdaBudget.Function}({value}, {LambdaField.Of("_strata_lv" + d, "i")}, {d}) THEN {value} END)[1]";
        }

        /// <summary>Emits <paramref name="template"/> with the body ($9) one guarded level deeper.</summary>
        private void EmitBudgeted(string template, List<(int From, int To)> bound, DuneToken anchor)
        {
            lambdaBudgetDepth++;
            try
            {
                EmitTemplate(template, bound, anchor);
            }
            finally
            {
                lambdaBudgetDepth--;
            }
        }

        /// <summary>Trino's <c>transform(array, x -> body)</c> with its answer bounded; false (the plain template) when the
        /// second argument is not a lambda of one plain name.</summary>
        private bool TryEmitTransform(List<(int From, int To)> args, DuneToken anchor)
        {
            var (from, to) = args[1];
            int first = tokens[from].IsTrivia ? Next(from, to) : from;
            int name = Is(first, "(") ? Next(first, to) : first;
            int arrow = Next(Is(first, "(") ? Next(name, to) : name, to);
            if (tokens[name].Kind != DuneTokenKind.Word || (Is(first, "(") && !Is(Next(name, to), ")")) || !Is(arrow, "->") || arrow >= to)
            {
                return false;
            }
            EmitBudgeted($"list_transform($1, {BudgetedLambda(ParameterText(name), "$9")})", WithLambdaBody(args[..1], (arrow + 1, to)), anchor);
            return true;
        }

        /// <summary>The lambda calls emitted by their own forms: <c>transform</c> and <c>regexp_replace</c> with a lambda
        /// (reduce and reduce_agg return where they end, which a FILTER moves). False when <paramref name="name"/> is none
        /// of them or its arguments do not fit.</summary>
        private bool TryEmitLambdaCall(string name, List<(int From, int To)> args, int close, int end, DuneToken anchor) =>
            close < end && (name, args.Count) switch
            {
                ("transform", 2) => TryEmitTransform(args, anchor),
                ("regexp_replace", 3) => TryEmitRegexpReplaceLambda(args, anchor),
                _ => false,
            };
    }
}
