-- Source: github.com/nonstopcoderaxw/dune-sql, dune/dune_sql_for_csv/dashboards/ethereum-traces/ethereum.logs.sql@0933a027e506d635f57d61a943dc5fbb311eeeb2 (verbatim)
select * from ethereum.logs
where block_number = 15253444
and
tx_hash = 0xb45f940a8e32d1cc52921a20d3d18b30dd511241a82396e44076dcca3277bd1c