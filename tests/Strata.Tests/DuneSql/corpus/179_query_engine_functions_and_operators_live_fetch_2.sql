-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/live-fetch.mdx (sql block 2), verbatim
SELECT http_get('https://api.coingecko.com/api/v3/coins/list');
