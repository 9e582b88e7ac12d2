-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/http.mdx (sql block 5), verbatim
SELECT *
FROM
    ethereum.transactions t1,
    (SELECT from_hex(json_extract_scalar(http_get('https://api.ensideas.com/ens/resolve/vitalik.eth'),'$.address'))) t2(x)
WHERE t1."from" = t2.x;
