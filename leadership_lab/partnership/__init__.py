"""The partnership health check: collective impact's five conditions plus public-sector engagement."""
