"""`digest check`: lint dumps without building the site (digest.check.lint; findings in digest.check.findings)."""
