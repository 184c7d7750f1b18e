MATCH (s:Issuer)
RETURN properties(s) AS issuer
