"""Every figure the reports, number cards and forms show comes from this package."""
