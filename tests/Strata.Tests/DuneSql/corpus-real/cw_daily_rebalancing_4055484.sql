-- Source: github.com/cowprotocol/dune-queries, cowamm/profitability/10k_growth/daily_rebalancing_4055484.sql@71b61205e466472ad839d1d04228f025510db2cd (parameters {{start}} = 2024-01-01, {{token_a}} = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2, {{token_b}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; SQL otherwise verbatim)
-- Computes the balances and current value of a counterfactual portfolio that invests 10k evenly into two tokens and re-balances once a day to keep a 50:50 exposure
-- Parameters
--  0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 - either token
--  0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48 - other token
--  2024-01-01 - date as of which the analysis should run

-- Note: not using a simpler recursive approach due to Dune's recursion depth limitation.
-- Current value of initial investment can be computed as the product of cumulative price changes per day, since
-- `value(day+1) = value(day) * (p1.price(day+1)/p1.price(day) + p2.price(day+1) / p2.price(day))/2`
-- Thus, current_value can be computed using cumulative products of (sums of) daily price changes:
-- `(p1.price(day+1)/p1.price(day) + p2.price(day+1)/p2.price(day))/2`

-- limit the relevant date range
with date_series as (
    select t.day
    from
        unnest(sequence(
            date(timestamp '2024-01-01'),
            date(now())
        )) t (day) --noqa: AL01
),

-- computes relative daily price changes for both assets
daily_price_change as (
    select
        ds.day,
        p1.price / previous_p1.price as p1,
        p2.price / previous_p2.price as p2
    from date_series as ds
    inner join prices.day as p1
        on
            ds.day = p1.timestamp
            and p1.contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2
    left join prices.day as previous_p1
        on
            previous_p1.timestamp = ds.day - interval '1' day
            -- avoid computing price change on first day
            and previous_p1.timestamp >= date(timestamp '2024-01-01')
            and previous_p1.contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2
    inner join prices.day as p2
        on
            ds.day = p2.timestamp
            and p2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
    left join prices.day as previous_p2
        on
            previous_p2.timestamp = ds.day - interval '1' day
            -- avoid computing price change on first day
            and previous_p2.timestamp >= date(timestamp '2024-01-01')
            and previous_p2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
)

-- For each day multiply initial investment with cumulative product of average price change of the two assets
select
    day,
    -- SQL doesn't support PRODUCT() over (...), but luckily "the sum of logarithms" is equal to "logarithm of the product",
    -- coalesce to factor 1 on first day
    coalesce(exp(sum(ln((p1 + p2) / 2)) over (order by day asc)), 1) * 10000 as current_value_of_investment
from daily_price_change
order by 1 desc
