"""Surveys and questionnaires: Decidim's types, the answer mutation and aggregated results."""
