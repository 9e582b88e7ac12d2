-- Source: github.com/duneanalytics/dune-docs @1502a52, data-catalog/evm/ethereum/decoded/overview.mdx, sql block 1 (SQL verbatim)
SELECT *
FROM ethereum.logs
WHERE tx_hash = 0x2bb7c8283b782355875fa37d05e4bd962519ea294678a3dcf2fdffbbd0761bc5
