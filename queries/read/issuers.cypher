MATCH (s:Issuer)
RETURN properties(s) AS issuer
ORDER BY s.key
