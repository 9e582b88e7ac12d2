-- Source: public GitHub file found with find_string on "max_by(price, minute)" (the index names no repository nor path; read_file id 69050474348), top token price movers over 30 days (the SQL of a notebook's Python f-string with {LOOKBACK_DAYS} = 30, verbatim)
with bounds as (
    select
        blockchain, symbol, contract_address,
        min_by(price, minute) as start_price,
        max_by(price, minute) as end_price
    from prices.usd
    where minute >= now() - interval '30' day
    group by blockchain, symbol, contract_address
)
select
    blockchain,
    symbol,
    '0x' || to_hex(contract_address) as contract_address,
    (end_price - start_price) / nullif(start_price, 0) * 100 as pct_change,
    row_number() over (order by (end_price - start_price) / nullif(start_price, 0) desc) as rank
from bounds
where start_price is not null and start_price > 0
order by rank
limit 100
