-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch15/ch15-dunesql-introduction.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 6 of the chapter, verbatim)
select block_time, hash, "from" as address, "to" as contract_address,
    cast(value / 1e9 as varchar) || ' ETH' as amount_value,
    format('%,.2f', value / 1e9) || ' ETH' as amount_value_format
from ethereum.transactions
where block_time >= date('2022-12-18') and block_time < date('2022-12-19')
    and (
        hash = 0x2a5ca5ff26e33bec43c7A0609670b7d7db6f7d74a14d163baf6de525a166ab10
        or "from" = 0x76BE685c0C8746BBafECD1a578fcaC680Db8242E
        )
