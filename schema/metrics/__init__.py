"""Metrics: Decidim's ``metrics`` root field and Participa's participation breakdowns."""
