-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch02/ch02-quickstart.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 19 of the chapter, verbatim)
-- Here, a subquery is used to demonstrate related functions
select count(*) as blockchain_count,
    sum(token_count) as total_token_count,
    avg(token_count) as average_token_count,
    min(token_count) as min_token_count,
    max(token_count) as max_token_count
from (
    select blockchain, count(*) as token_count
    from tokens.erc20
    group by blockchain
)
