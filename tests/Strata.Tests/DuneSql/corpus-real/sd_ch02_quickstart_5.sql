-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch02/ch02-quickstart.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 6 of the chapter, verbatim)
select blockchain, contract_address, decimals, symbol
from tokens.erc20
where blockchain = 'ethereum'   -- Return ERC20 token information from the Ethereum blockchain
    and symbol like 'E%'    -- The token symbol starts with the letter E
order by symbol asc -- Sort by token symbol in ascending order
