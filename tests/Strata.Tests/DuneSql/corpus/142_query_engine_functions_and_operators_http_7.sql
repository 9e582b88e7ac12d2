-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/http.mdx (sql block 7), verbatim
SELECT json_value(
	        http_post(
			    'https://httpbin.org/post',
				'foo',
				ARRAY['MyHeader : Use two '' quotes']),
			'lax $.headers.Myheader');
