-- Source: github.com/nonstopcoderaxw/dune-sql, dune/dune_sql_patterns/cast.sql@0933a027e506d635f57d61a943dc5fbb311eeeb2 (verbatim)
select -1*cast(value as int256)/1e18 AS amount, block_hash, value
from ethereum.traces tr
limit 1
