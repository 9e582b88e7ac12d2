using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Strata.Application;
using Strata.Server.Apis;

namespace Strata.Tests.Units;

/// <summary>The results routes' paging and view parameters: parsed, or refused as one Invalid naming the parameter.</summary>
public sealed class PageRequestTests
{
    private static QueryCollection Query(params (string Key, string Value)[] pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => new StringValues(p.Value)));

    [Fact]
    public void A_results_query_string_parses_into_paging_and_view()
    {
        var page = PageRequest.Parse(Query(("limit", "5"), ("offset", "10"), ("allow_partial_results", "true"), ("columns", "a,b"), ("sort_by", "a desc")));
        Assert.Equal((10L, (long?)5, false, true), (page.Offset, page.Limit, page.IgnoreDatapointCap, page.AllowPartial));
        Assert.Equal(("a,b", "a desc"), (page.View.Columns, page.View.SortBy));
        Assert.Equal((0L, (long?)null), (PageRequest.Parse(Query()).Offset, PageRequest.Parse(Query()).Limit));
    }

    [Theory]
    [InlineData("limit", "-1", "limit must be a non-negative integer, got '-1'")]
    [InlineData("offset", "x", "offset must be a non-negative integer, got 'x'")]
    [InlineData("allow_partial_results", "yes", "allow_partial_results must be true or false, got 'yes'")]
    [InlineData("ignore_max_datapoints_per_request", "1", "ignore_max_datapoints_per_request must be true or false, got '1'")]
    [InlineData("sample_count", "0", "sample_count must be a positive integer, got '0'")]
    public void A_bad_parameter_is_one_Invalid_naming_it(string name, string value, string message)
    {
        var e = Assert.Throws<UseCaseException>(() => PageRequest.Parse(Query((name, value))));
        Assert.Equal((UseCaseError.Invalid, message), (e.Error, e.Message));
    }

    [Fact]
    public void Sample_count_with_limit_is_refused()
    {
        var e = Assert.Throws<UseCaseException>(() => PageRequest.Parse(Query(("sample_count", "3"), ("limit", "2"))));
        Assert.Equal("sample_count cannot be combined with limit, offset or filters", e.Message);
    }
}
