-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/curated/prices/prices_usd.mdx (```sql block 3, statement 2; SQL verbatim)
          -- ~2,800 tokens
SELECT COUNT(*) FROM prices.latest
