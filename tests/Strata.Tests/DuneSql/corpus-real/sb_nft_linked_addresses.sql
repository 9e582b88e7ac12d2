-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_sector/nft/nft_metrics/nft_linked_addresses.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
select distinct blockchain,
    case when buyer <= seller then buyer else seller end as master_address,
    case when buyer <= seller then seller else buyer end as alternative_address,
    max(block_time) as last_trade
from nft.trades
where buyer is not null
    and seller is not null
    and blockchain is not null

GROUP BY 1,2,3
