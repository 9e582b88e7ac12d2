-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch02/ch02-quickstart.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 20 of the chapter, verbatim)
select a.symbol,
    a.decimals,
    a.blockchain as blockchain_a,
    a.contract_address as contract_address_a,
    b.blockchain as blockchain_b,
    b.contract_address as contract_address_b
from tokens.erc20 a
inner join tokens.erc20 b on a.symbol = b.symbol
where a.blockchain = 'ethereum'
    and b.blockchain = 'bnb'
limit 100
