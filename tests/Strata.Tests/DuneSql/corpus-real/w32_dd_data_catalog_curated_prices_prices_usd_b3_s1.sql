-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/prices/prices_usd.mdx (```sql block 3, statement 1; SQL verbatim)
-- See the difference in token coverage:
SELECT COUNT(*) FROM prices.usd_latest
