-- Source: github.com/nonstopcoderaxw/dune-sql, dune/dune_sql_patterns/partition.sql@0933a027e506d635f57d61a943dc5fbb311eeeb2 (verbatim)
with
  pted_cex_addresses as (
    select
      *, row_number() over (partition by cex_name) as partition_number
    from
      cex.addresses
    where
      cex_name in ('Korbit', 'Upbit', 'Bithumb', 'Coinone', 'GOPAX')
  )
  select * from pted_cex_addresses where partition_number <= 10