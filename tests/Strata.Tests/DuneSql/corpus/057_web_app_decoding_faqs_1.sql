-- Source: github.com/duneanalytics/dune-docs, web-app/decoding/faqs.mdx (sql block 1), verbatim
-- Check if tx hash exists in logs  
    SELECT 
        'logs' as table_name,
        COUNT(*) as record_count
    FROM ethereum.logs
    WHERE tx_hash = 0x1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef;
