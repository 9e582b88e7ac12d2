-- Source: github.com/RobinNagpal/dune-analytics @670df5b, src/compound/asset-analysis/02_token-prices/token-prices.sql (parameters {{token_address}} = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48; {{chain}} = ethereum; SQL otherwise verbatim)
with
  data as (
    select
      minute,
      price
    from
      prices.usd
    where
      contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
      and blockchain = 'ethereum'
  ),
  data_max_price as (
    select
      hour,
      median_price as price
    from
      dex.prices
    where
      contract_address = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48
      and blockchain = 'ethereum'
  ),
  min_price_data as (
    select
      min(price) as min_price
    from
      data
    where
      minute >= CURRENT_TIMESTAMP - INTERVAL '90' day
  ),
  max_price_data as (
    select
      max(price) as max_price
    from
      data_max_price
    where
      hour >= CURRENT_TIMESTAMP - INTERVAL '90' day
  ),
  avg_price_data as (
    select
      avg(price) as avg_price_90_days
    from
      data
    where
      minute >= CURRENT_TIMESTAMP - INTERVAL '90' day
  ),
  avg_price_24h_data as (
    select
      avg(price) as avg_price_24h
    from
      data
    where
      minute >= CURRENT_TIMESTAMP - INTERVAL '24' hour
  )
select
  (
    select
      min_price
    from
      min_price_data
  ) as min_price,
  (
    select
      max_price
    from
      max_price_data
  ) as max_price,
  (
    select
      avg_price_90_days
    from
      avg_price_data
  ) as avg_price,
  (
    select
      avg_price_24h
    from
      avg_price_24h_data
  ) as avg_price_24h;