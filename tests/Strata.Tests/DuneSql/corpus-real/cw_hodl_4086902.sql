-- Source: github.com/cowprotocol/dune-queries, cowamm/profitability/10k_growth/hodl_4086902.sql@71b61205e466472ad839d1d04228f025510db2cd (parameters {{start}} = 2024-01-01, {{token_a}} = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2, {{token_b}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; SQL otherwise verbatim)
-- Computes the balances and current value of a counterfactual portfolio that invests 10k evenly into two tokens and holds them
-- Parameters
--  0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 - either token
--  0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48 - other token
--  2024-01-01 - date as of which the analysis should run

-- limit the relevant date range
with date_series as (
    select t.day
    from
        unnest(sequence(
            date(timestamp '2024-01-01'),
            date(now())
        )) t (day) --noqa: AL01
),

starting_balance as (
    select
        5000 / p1.price as token_a_start,
        5000 / p2.price as token_b_start
    from prices.day as p1
    inner join prices.day as p2
        on
            p1.timestamp = p2.timestamp
            and p1.timestamp = date(timestamp '2024-01-01')
            and p1.contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2
            and p2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
)

select
    ds.day,
    token_a_start * p1.price + token_b_start * p2.price as current_value_of_investment
from starting_balance
cross join date_series as ds
inner join prices.day as p1
    on
        ds.day = p1.timestamp
        and p1.contract_address = 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2
inner join prices.day as p2
    on
        ds.day = p2.timestamp
        and p2.contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
order by 1 desc
