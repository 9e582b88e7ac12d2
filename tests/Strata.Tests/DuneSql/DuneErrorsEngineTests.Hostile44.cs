using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>hostile44 (decision 364) through the real engine: the sandbox registers the collection-frame guard's native
/// aggregate for a text that calls it, and its refusal stands in its own words.</summary>
public sealed partial class DuneErrorsEngineTests
{
    [Fact]
    public void A_collection_frame_past_the_bounds_is_refused_by_the_sandboxs_guard_before_its_answers_are_built()
    {
        // 60,000 rows, each frame all of them: the first chunk's frames pass 10^8 elements, so no answer is built.
        string text = Fail("SELECT count(v) FROM (SELECT array_agg(x) OVER (ORDER BY x ROWS BETWEEN 100000 PRECEDING AND 100000 FOLLOWING) AS v "
            + "FROM unnest(sequence(1, 10000)) a(x) CROSS JOIN unnest(sequence(1, 6)) b(y)) s").Message;
        Assert.Equal(DuneSqlTranslator.FrameRefusal("array_agg"), text);
    }
}
