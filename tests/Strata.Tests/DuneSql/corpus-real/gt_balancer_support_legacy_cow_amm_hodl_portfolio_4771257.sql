-- Source: github.com/gustavobftorres/dune-queries, balancer/support/legacy/cow_amm_hodl_portfolio_4771257.sql@da8fdab (parameters {{token_a}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{token_b}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, {{start}} = 2025-11-20 00:00:00, {{blockchain}} = ethereum; SQL otherwise verbatim)
-- part of a query repo
-- query name: [CoW AMM] HODL Portfolio
-- query link: https://dune.com/queries/4771257


-- Computes the balances and current value of a counterfactual portfolio that invests 10k evenly into two tokens and holds them
-- Parameters
--  0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48 - either token
--  0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48 - other token
--  TIMESTAMP '2025-11-20 00:00:00' - date as of which the analysis should run

-- limit the relevant date range
with date_series as (
    select t.day
    from
        unnest(sequence(
            date(timestamp '2025-11-20 00:00:00'),
            date(now())
        )) t (day) --noqa: AL01
),

prices AS(
    SELECT 
        "timestamp" AS "day",
        contract_address,
        blockchain,
        APPROX_PERCENTILE(price,0.5) AS price
    FROM prices."day"
    WHERE contract_address IN (0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48, 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48)
    AND blockchain = 'ethereum'
    GROUP BY 1, 2, 3
),

starting_balance as (
    select
        5000 / p1.price as token_a_start,
        5000 / p2.price as token_b_start
    from prices as p1
    inner join prices as p2
        on
            p1.day = p2.day
            and p1.day = date(timestamp '2025-11-20 00:00:00')
            and p1.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
            and p2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
            and p1.blockchain = 'ethereum'
            and p2.blockchain = 'ethereum'
)

select
    ds.day,
    token_a_start * p1.price + token_b_start * p2.price as current_value_of_investment
from starting_balance
cross join date_series as ds
inner join prices as p1
    on
        ds.day = p1.day
        and p1.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
inner join prices as p2
    on
        ds.day = p2.day
        and p2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
order by 1 desc
