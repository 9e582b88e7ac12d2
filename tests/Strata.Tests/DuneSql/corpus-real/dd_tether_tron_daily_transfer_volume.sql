-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/tron/tether.mdx, "Daily transfer volume of USDT on Tron." (verbatim)
SELECT 
  date_trunc('day', evt_block_time) as day,
  sum(value/1e6) as transfer_volume
FROM tether_tron.Tether_USD_evt_transfer
where evt_block_time > now() - interval '10' day
group by 1
