-- Source: github.com/monmon-sitdown/Onchain-Data-Analysis, Uncomplete/6_Polygon/09_MostTransacted.sql@d1070b9dd3ea0d082159fd54a5a890738bf41e0d (verbatim)
with contract_summary as (
    select "to" as contract_address,
        count(*) as transaction_count
    from polygon.transactions
    where success = true
    group by 1
    order by 2 desc
    limit 100
)

select contract_address,
   --- '<a href=https://polygonscan.com/address/' || cast(contract_address as varchar) || ' target=_blank>PolygonScan</a>' as link,
    transaction_count
from contract_summary
order by transaction_count desc