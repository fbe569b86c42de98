"""The partnership health check: collective impact's conditions plus public-sector engagement."""
