-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/http.mdx (sql block 6), verbatim
SELECT http_post(
		'https://docs-demo.quiknode.pro',
		'{"method":"eth_chainId","params":[],"id":1,"jsonrpc":"2.0"}',
		ARRAY['Content-Type: application/json']);
